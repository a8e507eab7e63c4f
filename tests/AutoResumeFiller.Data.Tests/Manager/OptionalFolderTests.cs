using AutoResumeFiller.Data.Tests.Support;
using Microsoft.Extensions.Logging;

namespace AutoResumeFiller.Data.Tests.Manager;

/// <summary>
/// Only <c>data/</c> is essential (DESIGN §5, AC4): a <c>backups/</c> (or <c>resumes/</c>, <c>cover_letters/</c>, <c>logs/</c>)
/// that is not a usable folder is logged and skipped; saves, loads and updates go on, without the auto backup.
/// </summary>
public class OptionalFolderTests
{
    [Fact]
    public void SaveUserProfile_FileWhereBackupsShouldBe_SavesWithoutAutoBackupAndWarns()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        ReplaceWithFile(context, "backups");

        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Saved anyway"));

        manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Saved anyway");
        context.FileSystem.File.ReadAllText(context.PathOf("backups")).Should().Be("not a folder");
        manager.FolderProblems.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { Path = context.PathOf("backups"), Reason = "a file is in its place" });
        var warnings = context.Logger.Collector.GetSnapshot().Where(r => r.Level == LogLevel.Warning).Select(r => r.Id.Id).ToList();
        warnings.Should().Contain(17).And.Contain(21, "the auto backup failed and the save went on");
    }

    [Fact]
    public async Task SaveUserProfileAsync_FileWhereBackupsShouldBe_Saves()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        ReplaceWithFile(context, "backups");

        await manager.SaveUserProfileAsync(ManagerTestContext.ValidProfile("Async"), TestContext.Current.CancellationToken);

        (await manager.LoadUserProfileAsync(TestContext.Current.CancellationToken)).PersonalInfo!.FirstName.Should().Be("Async");
    }

    [Fact]
    public void UpdateUserProfile_FileWhereBackupsShouldBe_UpdatesWithoutAutoBackup()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        ReplaceWithFile(context, "backups");

        manager.UpdateUserProfile(p => { p.Summary = "updated"; return p; });

        manager.LoadUserProfile().Summary.Should().Be("updated");
        manager.ListAvailableBackups().Should().BeEmpty();
    }

    [Fact]
    public void LoadUserProfile_FileWhereBackupsShouldBe_Loads()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Stored"));
        ReplaceWithFile(context, "backups");

        context.NewManager().LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Stored");
    }

    [Fact]
    public void InitializeDataDirectory_FilesWhereOptionalFoldersShouldBe_CreatesTheRestAndReportsEach()
    {
        var context = new ManagerTestContext();
        foreach (var folder in new[] { "resumes", "cover_letters", "backups", "logs" })
        {
            context.WriteFile(folder, "not a folder");
        }

        context.Manager.InitializeDataDirectory();
        var problems = context.Manager.FolderProblems;

        problems.Select(p => p.Path).Should().Equal(
            context.PathOf("resumes"), context.PathOf("cover_letters"), context.PathOf("backups"), context.PathOf("logs"));
        problems.Should().AllSatisfy(p => p.Reason.Should().Be("a file is in its place"));
        context.FileSystem.File.Exists(context.ProfilePath).Should().BeTrue();
        context.Logger.Collector.GetSnapshot().Count(r => r.Id.Id == 17).Should().Be(4);
    }

    [Fact]
    public void InitializeDataDirectory_CompleteLayout_ReportsNoProblemAndClearsEarlierOnes()
    {
        var context = new ManagerTestContext();
        context.WriteFile("logs", "not a folder");
        context.Manager.InitializeDataDirectory();
        context.Manager.FolderProblems.Should().ContainSingle();
        context.FileSystem.File.Delete(context.PathOf("logs"));

        context.Manager.InitializeDataDirectory();
        context.Manager.FolderProblems.Should().BeEmpty();

        context.Manager.FolderProblems.Should().BeEmpty();
        context.FileSystem.Directory.Exists(context.PathOf("logs")).Should().BeTrue();
    }

    [Fact]
    public void DataFolderProblem_ToString_GivesPathAndReason()
    {
        new DataFolderProblem("/d/backups", "a file is in its place").ToString().Should().Be("/d/backups: a file is in its place");
        FluentActions.Invoking(() => new DataFolderProblem("", "x")).Should().Throw<ArgumentException>();
    }

    private static void ReplaceWithFile(ManagerTestContext context, string folder)
    {
        context.FileSystem.Directory.Delete(context.PathOf(folder), recursive: true);
        context.WriteFile(folder, "not a folder");
    }
}
