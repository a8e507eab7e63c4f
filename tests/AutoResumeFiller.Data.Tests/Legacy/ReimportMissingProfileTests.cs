using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Legacy;

/// <summary>
/// Once an import is recorded, our profile may still go missing (deleted by the user, or never written on a data
/// directory the Python app shares): the Python app's profile must come back in rather than leave no profile at all.
/// </summary>
public class ReimportMissingProfileTests
{
    // Not the platform default, so that initialization does not import it by itself.
    private const string Legacy = "/mnt/old-laptop/AutoResumeFiller";

    private static ManagerTestContext ImportedThenProfileDeleted(string legacyFolder)
    {
        var context = new ManagerTestContext();
        PythonApp.Install(context.FileSystem, legacyFolder);
        context.Manager.ImportLegacyData(legacyFolder)!.Profile.Should().Be(LegacyProfileOutcome.Imported);
        context.FileSystem.File.Delete(context.ProfilePath);
        return context;
    }

    private static string Ledger(ManagerTestContext context) => context.FileSystem.File.ReadAllText(context.PathOf("data/legacy_import.json"));

    [Fact]
    public void InitializeDataDirectory_LedgerSaysImportedButOurProfileWasDeleted_LoadsThePythonProfileAgain()
    {
        var context = ImportedThenProfileDeleted(PythonApp.LinuxLegacyFolder);

        var manager = context.NewManager();
        manager.InitializeDataDirectory();

        manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Amara");
        var again = manager.LastLegacyImport!;
        again.Profile.Should().Be(LegacyProfileOutcome.Imported);
        again.BackupsImported.Should().BeEmpty("the ledger still remembers the backups");
        again.BackupsAlreadyImported.Should().Be(2);
        manager.ListAvailableBackups().Should().HaveCount(2, "nothing is imported twice, and the re-import's save backs up nothing");
        Ledger(context).Should().Contain("\"profile\": \"imported\"").And.Contain("\"completed\": true");
    }

    [Fact]
    public void InitializeDataDirectory_MacOSRootProfileOfThePythonAppAndOursDeleted_LoadsThePythonProfileAgain()
    {
        const string root = "/Users/user/Library/Application Support/AutoResumeFiller";
        var context = new ManagerTestContext(o => o.DataDirectory = null, OSFamily.MacOS);
        PythonApp.Install(context.FileSystem, root);
        context.Manager.InitializeDataDirectory();
        context.FileSystem.File.Delete(context.ProfilePath);
        var legacyProfile = context.FileSystem.File.ReadAllBytes(root + "/user_profile.json");

        var manager = new UserDataManager(new UserDataManagerOptions(), context.FileSystem, context.Logger, context.Time, context.Platform);
        manager.InitializeDataDirectory();

        manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Amara");
        manager.LastLegacyImport!.Profile.Should().Be(LegacyProfileOutcome.Imported);
        context.FileSystem.File.ReadAllBytes(root + "/user_profile.json").Should().Equal(legacyProfile, "the Python app's file is only read");
    }

    [Fact]
    public void ImportLegacyData_LedgerSaysImportedButOurProfileIsMissing_ImportsTheProfileOnceMore()
    {
        var context = ImportedThenProfileDeleted(Legacy);

        var preview = context.Manager.PreviewLegacyImport(Legacy)!;
        var result = context.Manager.ImportLegacyData(Legacy)!;
        var third = context.Manager.ImportLegacyData(Legacy)!;

        preview.Profile.Should().Be(LegacyProfileOutcome.Imported, "the preview tells what the import does");
        result.Profile.Should().Be(LegacyProfileOutcome.Imported);
        context.Manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Amara");
        third.Profile.Should().Be(LegacyProfileOutcome.AlreadyImported);
        third.ImportedAnything.Should().BeFalse();
    }

    [Fact]
    public void ImportLegacyData_ProfileEmptiedAfterAnImport_KeepsTheEmptyProfile()
    {
        var context = new ManagerTestContext();
        PythonApp.Install(context.FileSystem, Legacy);
        context.Manager.ImportLegacyData(Legacy);
        context.Manager.SaveUserProfile(new UserProfile());

        var result = context.Manager.ImportLegacyData(Legacy)!;

        result.Profile.Should().Be(LegacyProfileOutcome.AlreadyImported, "emptying the profile was the user's choice");
        context.Manager.LoadUserProfile().PersonalInfo.Should().BeNull();
    }

    [Fact]
    public void ImportLegacyData_KilledBeforeTheProfileSave_NextInitializationImportsIt()
    {
        var context = new ManagerTestContext();
        PythonApp.Install(context.FileSystem, Legacy);
        context.FileSystem.Fault = LegacyImportFaults.ProfileReplace(context.ProfilePath);
        var act = () => context.Manager.ImportLegacyData(Legacy);
        act.Should().Throw<UserDataException>();
        context.FileSystem.Fault = null;
        Ledger(context).Should().Contain("\"profile\": \"pending\"");

        var manager = context.NewManager();
        manager.InitializeDataDirectory();

        manager.LastLegacyImport!.LegacyDirectory.Should().Be(Legacy, "the ledger names the unfinished import's folder");
        manager.LastLegacyImport.Profile.Should().Be(LegacyProfileOutcome.Imported);
        manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Amara");
    }

    [Fact]
    public void ImportLegacyData_KilledAfterTheProfileSaveBeforeItsRecord_RerunOnlyRecordsIt()
    {
        var context = new ManagerTestContext();
        PythonApp.Install(context.FileSystem, Legacy);
        context.FileSystem.Fault = LegacyImportFaults.NthLedgerWrite(2);
        var act = () => context.Manager.ImportLegacyData(Legacy);
        act.Should().Throw<UserDataException>();
        context.FileSystem.Fault = null;
        context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile("Grace")); // the user edits before the rerun

        var rerun = context.Manager.ImportLegacyData(Legacy)!;

        rerun.Profile.Should().Be(LegacyProfileOutcome.AlreadyImported);
        context.Manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Grace", "a profile with content is never replaced");
        Ledger(context).Should().Contain("\"profile\": \"imported\"");
    }

    [Fact]
    public void ImportLegacyData_ReimportKilledBeforeTheProfileSave_NextInitializationCompletesIt()
    {
        var context = ImportedThenProfileDeleted(Legacy);
        context.FileSystem.Fault = LegacyImportFaults.ProfileReplace(context.ProfilePath);
        var act = () => context.Manager.ImportLegacyData(Legacy);
        act.Should().Throw<UserDataException>();
        context.FileSystem.Fault = null;

        var manager = context.NewManager();
        manager.InitializeDataDirectory();

        manager.LastLegacyImport!.LegacyDirectory.Should().Be(Legacy, "a re-import cut short is unfinished like a first one");
        manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Amara");
        Ledger(context).Should().Contain("\"profile\": \"imported\"").And.Contain("\"completed\": true");
    }
}
