using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.IO;

public class DataDirectoryResolverTests
{
    private static readonly Func<string, string> Identity = path => path;

    private static Dictionary<string, string> Env(params (string Name, string Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => v.Value);

    [Fact]
    public void Resolve_OptionSet_WinsOverEnvironmentAndDefault()
    {
        var platform = ManagerPlatforms.Create(OSFamily.Linux, Env(("AUTORESUMEFILLER_DATA_DIR", "/from/env"), ("XDG_DATA_HOME", "/xdg")));

        DataDirectoryResolver.Resolve("/from/option", platform, Identity).Should().Be("/from/option");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Resolve_NoOption_UsesEnvironmentVariable(string? option)
    {
        var platform = ManagerPlatforms.Create(OSFamily.Linux, Env(("AUTORESUMEFILLER_DATA_DIR", "/from/env"), ("XDG_DATA_HOME", "/xdg")));

        DataDirectoryResolver.Resolve(option, platform, Identity).Should().Be("/from/env");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Resolve_BlankEnvironmentVariable_UsesDefault(string value)
    {
        var platform = ManagerPlatforms.Create(OSFamily.Linux, Env(("AUTORESUMEFILLER_DATA_DIR", value)));

        DataDirectoryResolver.Resolve(null, platform, Identity).Should().Be("/home/user/.local/share/autoresumefiller");
    }

    [Fact]
    public void Resolve_OptionAndEnvironment_ExpandTildeAndGoThroughGetFullPath()
    {
        var platform = ManagerPlatforms.Create(OSFamily.Linux, Env(("AUTORESUMEFILLER_DATA_DIR", "~/env dir")));
        var seen = new List<string>();
        string FullPath(string path)
        {
            seen.Add(path);
            return "/full" + path;
        }

        DataDirectoryResolver.Resolve("~/opt", platform, FullPath).Should().Be("/full/home/user/opt");
        DataDirectoryResolver.Resolve(null, platform, FullPath).Should().Be("/full/home/user/env dir");
        seen.Should().Equal("/home/user/opt", "/home/user/env dir");
    }

    [Fact]
    public void GetDefault_Windows_IsAppDataAutoResumeFiller()
    {
        var platform = ManagerPlatforms.Create(OSFamily.Windows, Env(("XDG_DATA_HOME", "/ignored")));

        DataDirectoryResolver.GetDefault(platform).Should().Be(@"C:\Users\user\AppData\Roaming\AutoResumeFiller");
    }

    [Fact]
    public void GetDefault_WindowsSpecialFolderUnknown_UsesAppDataVariable()
    {
        var platform = ManagerPlatforms.Create(OSFamily.Windows, Env(("APPDATA", @"D:\Roaming Profiles\Zoë\")), _ => "");

        DataDirectoryResolver.GetDefault(platform).Should().Be(@"D:\Roaming Profiles\Zoë\AutoResumeFiller");
    }

    [Fact]
    public void GetDefault_WindowsWithoutAppData_ThrowsUserDataException()
    {
        var platform = ManagerPlatforms.Create(OSFamily.Windows, Env(), _ => "");

        var act = () => DataDirectoryResolver.GetDefault(platform);

        act.Should().ThrowExactly<UserDataException>()
            .WithMessage("Cannot determine the default data directory: %APPDATA% is not known.")
            .Which.Suggestion.Should().Contain("AUTORESUMEFILLER_DATA_DIR").And.Contain("UserDataManagerOptions.DataDirectory");
    }

    [Fact]
    public void GetDefault_MacOS_IsLibraryApplicationSupport()
    {
        var platform = ManagerPlatforms.Create(OSFamily.MacOS, Env(("XDG_DATA_HOME", "/ignored")));

        DataDirectoryResolver.GetDefault(platform).Should().Be("/Users/user/Library/Application Support/AutoResumeFiller");
    }

    [Theory]
    [InlineData("/xdg/data", "/xdg/data/autoresumefiller")]
    [InlineData("/xdg/data/", "/xdg/data/autoresumefiller")]
    [InlineData("/mnt/My Drive/données", "/mnt/My Drive/données/autoresumefiller")]
    public void GetDefault_LinuxAbsoluteXdgDataHome_IsUsed(string xdg, string expected)
    {
        var platform = ManagerPlatforms.Create(OSFamily.Linux, Env(("XDG_DATA_HOME", xdg)));

        DataDirectoryResolver.GetDefault(platform).Should().Be(expected);
    }

    [Theory]
    [InlineData("relative/data")]
    [InlineData("~/data")]
    [InlineData("")]
    public void GetDefault_LinuxRelativeOrEmptyXdgDataHome_IsIgnored(string xdg)
    {
        var platform = ManagerPlatforms.Create(OSFamily.Linux, Env(("XDG_DATA_HOME", xdg)));

        DataDirectoryResolver.GetDefault(platform).Should().Be("/home/user/.local/share/autoresumefiller");
    }

    [Fact]
    public void GetDefault_LinuxHomeFolderUnknown_UsesHomeVariable()
    {
        var platform = ManagerPlatforms.Create(OSFamily.Linux, Env(("HOME", "/srv/home/jörg/")), _ => "");

        DataDirectoryResolver.GetDefault(platform).Should().Be("/srv/home/jörg/.local/share/autoresumefiller");
    }

    [Theory]
    [InlineData("Linux")]
    [InlineData("MacOS")]
    public void GetDefault_NoHome_ThrowsUserDataException(string os)
    {
        var platform = ManagerPlatforms.Create(Enum.Parse<OSFamily>(os), Env(), _ => "");

        var act = () => DataDirectoryResolver.GetDefault(platform);

        act.Should().ThrowExactly<UserDataException>()
            .WithMessage("Cannot determine the default data directory: the home folder is not known.");
    }

    [Theory]
    [InlineData("~", "/home/user")]
    [InlineData("~/", "/home/user/")]
    [InlineData("~/My Résumés/履歴書", "/home/user/My Résumés/履歴書")]
    [InlineData("~other/data", "~other/data")]
    [InlineData("/data/~/x", "/data/~/x")]
    [InlineData(@"~\data", @"~\data")]
    [InlineData("relative", "relative")]
    public void ExpandHome_Linux_ExpandsOnlyALeadingTilde(string path, string expected)
    {
        DataDirectoryResolver.ExpandHome(path, ManagerPlatforms.Create(OSFamily.Linux)).Should().Be(expected);
    }

    [Theory]
    [InlineData(@"~\Data", @"C:\Users\user\Data")]
    [InlineData("~/Data", @"C:\Users\user\Data")]
    [InlineData("~", @"C:\Users\user")]
    public void ExpandHome_Windows_AcceptsBothSeparators(string path, string expected)
    {
        DataDirectoryResolver.ExpandHome(path, ManagerPlatforms.Create(OSFamily.Windows)).Should().Be(expected);
    }

    [Fact]
    public void ExpandHome_WindowsHomeFromUserProfileVariable_WhenFolderUnknown()
    {
        var platform = ManagerPlatforms.Create(OSFamily.Windows, Env(("USERPROFILE", @"C:\Users\Zoë\")), _ => "");

        DataDirectoryResolver.ExpandHome(@"~\x", platform).Should().Be(@"C:\Users\Zoë\x");
    }

    [Fact]
    public void ExpandHome_TildeWithoutHome_ThrowsUserDataException()
    {
        var platform = ManagerPlatforms.Create(OSFamily.Linux, Env(), _ => "");

        var act = () => DataDirectoryResolver.ExpandHome("~/data", platform);

        act.Should().ThrowExactly<UserDataException>().WithMessage("*home folder is not known*");
    }

    [Fact]
    public void PlatformEnvironment_IsNative_OnlyForThePlatformThisProcessRunsOn()
    {
        var natives = Enum.GetValues<OSFamily>().Where(os => ManagerPlatforms.Create(os).IsNative).ToList();

        natives.Should().ContainSingle().Which.Should().Be(PlatformEnvironment.Current.Os);
        PlatformEnvironment.Current.IsNative.Should().BeTrue();
    }
}
