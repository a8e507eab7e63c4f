using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoResumeFiller.Data.IntegrationTests.Support;

namespace AutoResumeFiller.Data.IntegrationTests.Reliability;

/// <summary>
/// Issue 6, suite 4: thousands of corrupted profiles and hostile archives. A load refuses with a
/// <see cref="UserDataException"/> (or, for a corruption that is still a valid profile, reads it correctly), never
/// hangs and never changes the file; a hostile archive is always refused and nothing is written anywhere.
/// </summary>
public sealed class HostileInputSuite(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan PerCaseBound = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _temp = new("arf-hostile");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task LoadUserProfile_GeneratedCorruptions_RefusedWithUserDataExceptionAndFileUnchanged()
    {
        var root = _temp.Combine("data");
        var manager = Managers.Initialized(root);
        manager.SaveUserProfile(TestHost.SampleProfiles.Valid("hostile"));
        var valid = File.ReadAllBytes(manager.ProfilePath);
        int cases = 0, refused = 0, stillValid = 0, misread = 0, other = 0, changed = 0, hangs = 0;
        var byKind = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byException = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();

        foreach (var corruption in HostileProfiles.Generate(valid, Stress.Scale, seed: 6))
        {
            cases++;
            byKind[corruption.Kind] = byKind.GetValueOrDefault(corruption.Kind) + 1;
            await File.WriteAllBytesAsync(manager.ProfilePath, corruption.Bytes, TestContext.Current.CancellationToken);
            var hash = SHA256.HashData(corruption.Bytes);
            var load = Task.Run(manager.LoadUserProfile, TestContext.Current.CancellationToken);
            try
            {
                var profile = await load.WaitAsync(PerCaseBound, TestContext.Current.CancellationToken);
                if (corruption.MayBeValid && IsStrictlyValidJson(corruption.Bytes) && UserProfileValidator.Validate(profile).Count == 0)
                {
                    stillValid++;
                }
                else
                {
                    misread++;
                    failures.Add($"{corruption.Kind} #{cases}: accepted ({corruption.Bytes.Length} bytes): {Preview(corruption.Bytes)}");
                }
            }
            catch (TimeoutException)
            {
                hangs++;
                failures.Add($"{corruption.Kind} #{cases}: no answer within {PerCaseBound.TotalSeconds} s");
                break;
            }
            catch (UserDataException ex)
            {
                refused++;
                byException[ex.GetType().Name] = byException.GetValueOrDefault(ex.GetType().Name) + 1;
                if (ex is ProfileCorruptedException && !ex.Message.StartsWith("Failed to parse user_profile.json: ", StringComparison.Ordinal))
                {
                    failures.Add($"{corruption.Kind} #{cases}: message '{ex.Message}'");
                }
            }
            catch (Exception ex)
            {
                other++;
                failures.Add($"{corruption.Kind} #{cases}: {ex.GetType().FullName}: {ex.Message}");
            }

            if (!SHA256.HashData(await File.ReadAllBytesAsync(manager.ProfilePath, TestContext.Current.CancellationToken)).AsSpan().SequenceEqual(hash))
            {
                changed++;
                failures.Add($"{corruption.Kind} #{cases}: the file changed");
            }
        }

        await File.WriteAllBytesAsync(manager.ProfilePath, valid, TestContext.Current.CancellationToken);
        Stress.Report(output, $"hostile profiles: {cases} cases, {refused} refused ({string.Join(", ", byException.Select(p => $"{p.Value} {p.Key}"))}), " +
            $"{stillValid} still-valid corruptions read correctly, {misread} misread, {other} other exceptions, {changed} files changed, {hangs} hangs; " +
            $"classes: {string.Join(", ", byKind.Select(p => $"{p.Key} {p.Value}"))}");
        failures.Should().BeEmpty();
        cases.Should().BeGreaterThanOrEqualTo(5000);
        DataDirectoryChecks.ModeViolations(Path.Combine(root, "backups")).Should().BeEmpty();
    }

    [Fact]
    public void VerifyAndRestore_HostileArchives_AlwaysRefusedAndNothingWrittenAnywhere()
    {
        var work = _temp.Combine("work");
        var root = Path.Combine(work, "data");
        var manager = Managers.Initialized(root);
        File.WriteAllText(Path.Combine(root, "config.yaml"), "theme: dark\n");
        var pdf = new byte[4096];
        new Random(3).NextBytes(pdf);
        File.WriteAllBytes(Path.Combine(root, "resumes", "cv.pdf"), pdf);
        File.WriteAllText(Path.Combine(root, "cover_letters", "letter.txt"), "Dear hiring manager,\n");
        Directory.CreateDirectory(_temp.Combine("sentinel"));
        File.WriteAllText(_temp.Combine("sentinel", "keep.txt"), "sentinel");
        var baseArchive = File.ReadAllBytes(manager.BackupData("base"));
        var archivePath = _temp.Combine("archives", "hostile.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(archivePath)!);
        int cases = 0, refused = 0, validAndRestored = 0, wrongVerdict = 0, wrongException = 0, writes = 0;
        var failures = new List<string>();

        foreach (var (kind, bytes, mayBeValid) in HostileArchives(baseArchive, Stress.Scale))
        {
            cases++;
            File.WriteAllBytes(archivePath, bytes);
            var before = DataDirectoryChecks.Snapshot(_temp.Path);
            var verification = manager.VerifyBackup(archivePath);
            if (verification.IsValid)
            {
                if (!mayBeValid)
                {
                    wrongVerdict++;
                    failures.Add($"{kind}: verified as valid");
                    continue;
                }

                manager.RestoreFromBackup(archivePath);
                manager.LoadUserProfile();
                validAndRestored++;
                continue;
            }

            try
            {
                manager.RestoreFromBackup(archivePath);
                wrongException++;
                failures.Add($"{kind}: restore accepted an archive that failed verification");
            }
            catch (InvalidBackupException ex)
            {
                refused++;
                ex.Message.Should().NotBeNullOrEmpty();
            }
            catch (Exception ex)
            {
                wrongException++;
                failures.Add($"{kind}: {ex.GetType().Name}: {ex.Message}");
            }

            var after = DataDirectoryChecks.Snapshot(_temp.Path);
            if (!after.SequenceEqual(before))
            {
                writes++;
                failures.Add($"{kind}: files changed: {string.Join(", ", after.Except(before).Concat(before.Except(after)).Select(p => p.Key).Distinct())}");
            }
        }

        Stress.Report(output, $"hostile archives: {cases} cases, {refused} refused by verify and restore, {validAndRestored} harmless mutations verified and restored, " +
            $"{wrongVerdict} wrongly verified, {wrongException} wrong restore outcomes, {writes} cases that wrote files");
        failures.Should().BeEmpty();
        File.ReadAllText(_temp.Combine("sentinel", "keep.txt")).Should().Be("sentinel");
        Directory.EnumerateFileSystemEntries(_temp.Path).Select(Path.GetFileName).Should().BeEquivalentTo(["work", "sentinel", "archives"]);
        DataDirectoryChecks.ModeViolations(Path.Combine(root, "data")).Should().BeEmpty();
    }

    [Theory]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("CON")]
    [InlineData("NUL")]
    [InlineData("nul.txt")]
    [InlineData("COM1")]
    [InlineData("LPT9")]
    [InlineData("\0")]
    [InlineData("a\0b")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("/etc")]
    [InlineData("../escape")]
    [InlineData("a..b")]
    [InlineData(".hidden")]
    [InlineData("C:evil")]
    [InlineData("a*b")]
    [InlineData("a?b")]
    [InlineData("tab\tname")]
    [InlineData("new\nline")]
    [InlineData("auto_backup")]
    [InlineData("pre_restore")]
    public async Task BackupData_TraversalOrReservedName_ThrowsArgumentExceptionAndWritesNothing(string name)
    {
        var root = _temp.Combine("data");
        var manager = Managers.Initialized(root);
        var before = DataDirectoryChecks.Snapshot(_temp.Path);

        var sync = () => manager.BackupData(name);
        var async = () => manager.BackupDataAsync(name, cancellationToken: TestContext.Current.CancellationToken);

        sync.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("backupName");
        await async.Should().ThrowAsync<ArgumentException>();
        DataDirectoryChecks.Snapshot(_temp.Path).Should().Equal(before);
    }

    [Fact]
    public void BackupData_NameOf101Characters_ThrowsArgumentException()
    {
        var manager = Managers.Initialized(_temp.Combine("data"));

        var act = () => manager.BackupData(new string('a', 101));

        act.Should().Throw<ArgumentException>().WithMessage("*101 characters*");
        manager.BackupData(new string('a', 100)).Should().EndWith(".zip");
    }

    private static IEnumerable<(string Kind, byte[] Bytes, bool MayBeValid)> HostileArchives(byte[] baseArchive, int scale)
    {
        var random = new Random(66);
        var (entries, metadata) = Read(baseArchive);

        string[] evilNames =
        [
            "../../evil.txt", "../evil.txt", "/tmp/evil.txt", "/evil.txt", "..\\..\\evil.txt", "resumes\\..\\..\\evil.txt",
            "resumes/../../evil.txt", "resumes/sub/../../../evil.txt", "C:/evil.txt", "C:\\evil.txt", "C:evil.txt", "//server/share/evil.txt",
            "resumes/./evil.txt", "resumes//evil.txt", "resumes/evil\0.txt", "resumes/evil\n.txt", "resumes/evil\u001b.txt", "resumes/evil. ", "resumes/evil.",
            "resumes/" + new string('a', 2000), "evil.txt", "data/evil.json", "backups/evil.zip", "logs/evil.log", "data/.user_profile.lock",
            "../data/user_profile.json", "./data/user_profile.json", "data//user_profile.json", "DATA/user_profile.json", "resumes", "cover_letters/",
        ];
        foreach (var name in evilNames)
        {
            // With metadata that lists it consistently (only the name is wrong) and without.
            var shown = name.Length > 40 ? name[..40] + "…" : name;
            yield return ($"evil name '{shown}' (listed)", Build([.. entries, (name, "evil"u8.ToArray(), 0)], metadata, relist: true), false);

            // A folder entry ("cover_letters/") carries nothing that a restore would write, so an unlisted one is harmless.
            yield return ($"evil name '{shown}' (unlisted)", Build([.. entries, (name, "evil"u8.ToArray(), 0)], metadata, relist: false), name.EndsWith('/'));
            yield return ($"evil name '{shown}' (renamed profile)", Build([.. entries.Select(e => e.Name == "data/user_profile.json" ? (name, e.Content, e.Attributes) : e)], metadata, relist: true), false);
        }

        var profile = entries.Single(e => e.Name == "data/user_profile.json");
        yield return ("duplicate entry", Build([.. entries, profile], metadata, relist: false), false);
        yield return ("duplicate entry", Build([.. entries, profile with { Content = [.. profile.Content, (byte)' '] }], metadata, relist: false), false);
        yield return ("duplicate metadata", Build([.. entries, ("metadata.json", Encoding.UTF8.GetBytes(metadata.ToJsonString()), 0)], metadata, relist: false), false);
        yield return ("symlink entry", Build([.. entries, ("resumes/link.pdf", "/etc/passwd"u8.ToArray(), unchecked((int)0xA1FF0000))], metadata, relist: true), false);
        yield return ("symlink entry", Build([.. entries.Select(e => e.Name == "resumes/cv.pdf" ? e with { Attributes = unchecked((int)0xA1FF0000) } : e)], metadata, relist: true), false);

        foreach (var target in entries.Where(e => e.Name != "metadata.json"))
        {
            var flipped = (byte[])target.Content.Clone();
            flipped[random.Next(flipped.Length)] ^= 0x20;
            yield return ("checksum mismatch", Build([.. entries.Select(e => e.Name == target.Name ? e with { Content = flipped } : e)], metadata, relist: false), false);
            yield return ("size mismatch", Build([.. entries.Select(e => e.Name == target.Name ? e with { Content = [.. e.Content, 0] } : e)], metadata, relist: false), false);
            yield return ("missing entry", Build([.. entries.Where(e => e.Name != target.Name)], metadata, relist: false), false);
        }

        foreach (var mutate in MetadataMutations())
        {
            var copy = JsonNode.Parse(metadata.ToJsonString())!;
            yield return ("bad metadata", Build(entries, mutate(copy), relist: false), false);
        }

        yield return ("no metadata", Build([.. entries.Where(e => e.Name != "metadata.json")], metadata, relist: false, writeMetadata: false), false);
        yield return ("metadata not json", BuildRaw([.. entries.Where(e => e.Name != "metadata.json"), ("metadata.json", "{not json"u8.ToArray(), 0)]), false);
        yield return ("metadata huge", BuildRaw([.. entries.Where(e => e.Name != "metadata.json"), ("metadata.json", Encoding.UTF8.GetBytes("{\"kind\":\"manual\",\"files\":[],\"pad\":\"" + new string('x', 17 * 1024 * 1024) + "\"}"), 0)]), false);
        yield return ("claims 4 GB", PatchSizes(Build(entries, metadata, relist: false), "resumes/cv.pdf", 0xFFFF_FFF0), false);
        yield return ("claims 4 GB", PatchSizes(Build(entries, metadata, relist: false), "data/user_profile.json", 0x7FFF_FFF0), false);

        yield return ("not a zip", [], false);
        yield return ("not a zip", "this is not an archive"u8.ToArray(), false);
        yield return ("not a zip", [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0], false);
        yield return ("not a zip", [0x50, 0x4B, 0x05, 0x06, .. new byte[18]], false);
        var noise = new byte[8192];
        random.NextBytes(noise);
        yield return ("not a zip", noise, false);

        for (var i = 0; i < 100 * scale; i++)
        {
            yield return ("truncated", baseArchive[..random.Next(baseArchive.Length - 1)], false);
        }

        for (var i = 0; i < 100 * scale; i++)
        {
            var flipped = (byte[])baseArchive.Clone();
            flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
            yield return ("byte flip", flipped, true);
        }
    }

    private static IEnumerable<Func<JsonNode, JsonNode>> MetadataMutations()
    {
        yield return m => Set(m, "kind", "evil");
        yield return m => Set(m, "kind", "auto");
        yield return m => Set(m, "kind", null);
        yield return m => Set(m, "files", null);
        yield return m => Set(m, "files", new JsonArray());
        yield return m => Set(m, "files", "not a list");
        yield return m =>
        {
            m["files"]!.AsArray().Add(null);
            return m;
        };
        yield return m =>
        {
            m["files"]!.AsArray().Add(new JsonObject { ["path"] = "resumes/ghost.txt", ["size_bytes"] = 1, ["sha256"] = new string('0', 64) });
            return m;
        };
        yield return m =>
        {
            m["files"]!.AsArray().Add(m["files"]![0]!.DeepClone());
            return m;
        };
        yield return m =>
        {
            m["files"]![0]!["sha256"] = "zz";
            return m;
        };
        yield return m =>
        {
            m["files"]![0]!["size_bytes"] = -1;
            return m;
        };
        yield return m =>
        {
            m["files"]![0]!["size_bytes"] = "12";
            return m;
        };
        yield return m =>
        {
            m["files"]![0]!["path"] = "../../evil.txt";
            return m;
        };
        yield return m =>
        {
            m["files"]![0]!["path"] = null;
            return m;
        };
    }

    private static JsonNode Set(JsonNode node, string key, JsonNode? value)
    {
        node[key] = value;
        return node;
    }

    private static (List<(string Name, byte[] Content, int Attributes)> Entries, JsonNode Metadata) Read(byte[] archive)
    {
        using var zip = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read);
        var entries = new List<(string, byte[], int)>();
        JsonNode? metadata = null;
        foreach (var entry in zip.Entries)
        {
            using var content = entry.Open();
            using var buffer = new MemoryStream();
            content.CopyTo(buffer);
            if (entry.FullName == "metadata.json")
            {
                metadata = JsonNode.Parse(buffer.ToArray());
            }
            else
            {
                entries.Add((entry.FullName, buffer.ToArray(), entry.ExternalAttributes));
            }
        }

        return (entries, metadata!);
    }

    /// <summary>An archive of <paramref name="entries"/> plus metadata.json; with <paramref name="relist"/> the metadata lists exactly these entries with correct checksums.</summary>
    private static byte[] Build(IReadOnlyList<(string Name, byte[] Content, int Attributes)> entries, JsonNode metadata, bool relist, bool writeMetadata = true)
    {
        var copy = JsonNode.Parse(metadata.ToJsonString())!;
        if (relist)
        {
            var files = new JsonArray();
            foreach (var (name, content, _) in entries)
            {
                files.Add(new JsonObject { ["path"] = name, ["size_bytes"] = content.Length, ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(content)) });
            }

            copy["files"] = files;
        }

        return BuildRaw(writeMetadata ? [.. entries, ("metadata.json", Encoding.UTF8.GetBytes(copy.ToJsonString()), 0)] : entries);
    }

    private static byte[] BuildRaw(IReadOnlyList<(string Name, byte[] Content, int Attributes)> entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, attributes) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                entry.ExternalAttributes = attributes;
                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Rewrites the uncompressed size of <paramref name="entryName"/> in its local and central headers (a "zip bomb" claim).</summary>
    private static byte[] PatchSizes(byte[] archive, string entryName, uint claimed)
    {
        var name = Encoding.UTF8.GetBytes(entryName);
        var patched = (byte[])archive.Clone();
        for (var i = 0; i + 46 < patched.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(patched.AsSpan(i));
            if (signature == 0x04034b50 && patched.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(patched.AsSpan(i + 22), claimed);
            }
            else if (signature == 0x02014b50 && i + 46 + name.Length <= patched.Length && patched.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(patched.AsSpan(i + 24), claimed);
            }
        }

        return patched;
    }

    private static bool IsStrictlyValidJson(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith("\uFEFF"u8))
        {
            span = span[3..];
        }

        try
        {
            _ = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(span);
            using var document = JsonDocument.Parse(span.ToArray(), new JsonDocumentOptions { AllowDuplicateProperties = false });
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (Exception ex) when (ex is JsonException or DecoderFallbackException or ArgumentException)
        {
            return false;
        }
    }

    private static string Preview(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 160)));
        return text.ReplaceLineEndings(" ");
    }
}
