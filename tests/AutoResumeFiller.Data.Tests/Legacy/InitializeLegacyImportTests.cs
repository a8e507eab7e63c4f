using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Legacy;

/// <summary>An upgrading user must never see an empty profile where their data was (DESIGN §8).</summary>
public class InitializeLegacyImportTests
{
    [Fact]
    public void InitializeDataDirectory_PythonAppFolderAtItsLinuxDefault_ImportsItInsteadOfAnEmptyProfile()
    {
        var context = new ManagerTestContext();
        PythonApp.Install(context.FileSystem, PythonApp.LinuxLegacyFolder);

        context.Manager.InitializeDataDirectory();

        context.Manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Amara");
        var imported = context.Manager.LastLegacyImport!;
        imported.LegacyDirectory.Should().Be(PythonApp.LinuxLegacyFolder);
        imported.Profile.Should().Be(LegacyProfileOutcome.Imported);
        imported.BackupsImported.Should().HaveCount(2);
        context.Logger.Collector.GetSnapshot().Select(r => r.Id.Id).Should().Contain([62, 60]).And.NotContain(64, "the import brought a profile: no empty one was made");
    }

    [Fact]
    public void InitializeDataDirectory_SecondTime_ImportsNothing()
    {
        var context = new ManagerTestContext();
        PythonApp.Install(context.FileSystem, PythonApp.LinuxLegacyFolder);
        context.Manager.InitializeDataDirectory();
        var before = context.Snapshot();

        var again = context.NewManager();
        again.InitializeDataDirectory();

        again.LastLegacyImport.Should().BeNull("the profile exists and the import was completed");
        context.Snapshot().Should().Equal(before);
    }

    [Theory]
    [InlineData("MacOS", "/Users/user/Library/Application Support/AutoResumeFiller")]
    [InlineData("Linux", ManagerTestContext.Root)]
    public void InitializeDataDirectory_ProfileAtTheDataDirectorysRoot_ImportsItAndLeavesItThere(string osName, string root)
    {
        var os = Enum.Parse<OSFamily>(osName);
        var context = new ManagerTestContext(o => o.DataDirectory = os == OSFamily.MacOS ? null : root, os);
        PythonApp.Install(context.FileSystem, root);
        var legacyBefore = PythonApp.LegacyFiles();

        context.Manager.InitializeDataDirectory();

        context.Manager.DataDirectory.Should().Be(root);
        context.Manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Amara");
        var imported = context.Manager.LastLegacyImport!;
        imported.BackupsImported.Should().HaveCount(2);
        imported.FilesCopied.Should().BeEmpty("the Python app's files already are where ours go");
        imported.FilesAlreadyPresent.Should().Be(3);
        foreach (var (relative, content) in legacyBefore)
        {
            context.FileSystem.File.ReadAllBytes(context.FileSystem.Path.Combine(root, relative)).Should().Equal(content, relative + " is left as it was");
        }
    }

    [Fact]
    public void InitializeDataDirectory_InvalidLegacyProfile_RefusesRatherThanCreatingAnEmptyOne()
    {
        var context = new ManagerTestContext();
        var files = PythonApp.LegacyFiles();
        files["user_profile.json"] = PythonApp.ProfileWith("personal_info.email", "broken");
        PythonApp.Install(context.FileSystem, PythonApp.LinuxLegacyFolder, files);

        var act = () => context.Manager.InitializeDataDirectory();

        act.Should().Throw<ProfileValidationException>().Which.Errors.Should().ContainSingle(e => e.Path == "personal_info.email");
        context.FileSystem.File.Exists(context.ProfilePath).Should().BeFalse("no empty profile hides the legacy one");
    }

    [Fact]
    public void InitializeDataDirectory_ImportInterruptedEarlier_IsCompleted()
    {
        var context = new ManagerTestContext();
        PythonApp.Install(context.FileSystem, PythonApp.LinuxLegacyFolder);
        var archives = 0;
        context.FileSystem.Fault = (op, path) =>
            op == FaultOperation.Move && path.Contains("/backups/auto_backup_", StringComparison.Ordinal) && ++archives == 2
                ? FaultInjectingFileSystem.IOError(5)
                : null;
        var act = () => context.Manager.InitializeDataDirectory();
        act.Should().Throw<UserDataException>();
        context.FileSystem.Fault = null;

        context.NewManager().InitializeDataDirectory();

        context.Manager.ListAvailableBackups().Should().HaveCount(2);
        context.Manager.ImportLegacyData(PythonApp.LinuxLegacyFolder)!.ImportedAnything.Should().BeFalse();
    }

    [Fact]
    public void InitializeDataDirectory_NoLegacyData_CreatesTheEmptyProfileAsBefore()
    {
        var context = new ManagerTestContext();

        context.Manager.InitializeDataDirectory();

        context.Manager.LoadUserProfile().PersonalInfo.Should().BeNull();
        context.Manager.LastLegacyImport.Should().BeNull();
    }
}
