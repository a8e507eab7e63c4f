#!/usr/bin/env bash
# Packs AutoResumeFiller.Data and the arf-data tool, then proves the packages work for a consumer:
# a throwaway console project restores the library from a local folder feed and uses it, and
# `dotnet tool install --add-source` installs arf-data from its package and runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
# A unique version, so the global NuGet cache can never serve an older build of the same version.
version="1.0.0-ci.$(date -u +%Y%m%d%H%M%S)"

echo "packing $version"
dotnet pack src/AutoResumeFiller.Data -c Release -o "$feed" -p:Version="$version" -nologo -v:q
dotnet pack src/AutoResumeFiller.Data.Cli -c Release -o "$feed" -p:Version="$version" -nologo -v:q
ls -l "$feed"
for pkg in "$feed"/*.nupkg; do
  echo "contents of $(basename "$pkg"):"
  if command -v unzip >/dev/null; then unzip -l "$pkg" | sed 's/^/  /'; fi
done

consumer="$work/consumer"
mkdir -p "$consumer"
cat > "$consumer/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
cat > "$consumer/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="AutoResumeFiller.Data" Version="$version" />
  </ItemGroup>
</Project>
XML
cat > "$consumer/Program.cs" <<'CS'
using AutoResumeFiller.Data;

var dir = args[0];
var manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = dir });
manager.InitializeDataDirectory();
var profile = manager.LoadUserProfile();
profile.PersonalInfo = new PersonalInfo { FirstName = "Grace", LastName = "Hopper", Email = "grace@example.com" };
profile.Skills.Add("COBOL");
manager.SaveUserProfile(profile);
var loaded = manager.LoadUserProfile();
if (loaded.PersonalInfo?.FirstName != "Grace" || loaded.Skills.Count != 1) { Console.Error.WriteLine("round trip failed"); return 1; }
var backup = manager.BackupData("consumer");
var verification = manager.VerifyBackup(backup);
if (!verification.IsValid) { Console.Error.WriteLine(string.Join("; ", verification.Problems)); return 1; }
Console.WriteLine($"consumer ok: {manager.ListAvailableBackups().Count} backups, latest {Path.GetFileName(backup)}");
return 0;
CS
# The consumer must not inherit this repository's Directory.*.props: it lives outside the tree.
echo "running the consumer project"
dotnet run --project "$consumer/Consumer.csproj" -c Release -- "$work/data"

echo "installing arf-data from the package"
dotnet tool install AutoResumeFiller.Data.Cli --tool-path "$work/tools" --add-source "$feed" --version "$version"
"$work/tools/arf-data" --data-dir "$work/data" backups
"$work/tools/arf-data" --data-dir "$work/data" show >/dev/null
echo "consumer test passed"
