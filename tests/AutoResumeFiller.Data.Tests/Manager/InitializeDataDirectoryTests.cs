using System.Text;
using System.Text.Json;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Manager;

public class InitializeDataDirectoryTests
{
    private const string StaleTemp = "0123456789abcdef";

    [Fact]
    public void InitializeDataDirectory_Fresh_CreatesEveryFolderLockAndProfile()
    {
        var context = new ManagerTestContext();

        context.Manager.InitializeDataDirectory();

        foreach (var folder in new[] { "", "data", "resumes", "cover_letters", "backups", "logs" })
        {
            context.FileSystem.Directory.Exists(context.PathOf(folder)).Should().BeTrue(folder);
        }

        context.FileSystem.File.Exists(context.PathOf("data/.user_profile.lock")).Should().BeTrue();
        context.FileSystem.File.Exists(context.ProfilePath).Should().BeTrue();
        context.FileSystem.File.Exists(context.PathOf("config.yaml")).Should().BeFalse("config.yaml belongs to another component");
        context.BackupFileNames().Should().BeEmpty();
        context.TempFiles().Should().BeEmpty();
    }

    [Fact]
    public void InitializeDataDirectory_Fresh_WritesTheEmptyInitialProfile()
    {
        var context = new ManagerTestContext();

        context.Manager.InitializeDataDirectory();

        var bytes = context.ProfileBytes();
        bytes.Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF }, "no BOM");
        using var json = JsonDocument.Parse(bytes);
        var root = json.RootElement;
        root.GetProperty("version").GetString().Should().Be("1.0");
        root.GetProperty("personal_info").ValueKind.Should().Be(JsonValueKind.Null);
        foreach (var list in new[] { "education", "work_experience", "skills", "projects", "certifications" })
        {
            root.GetProperty(list).GetArrayLength().Should().Be(0, list);
        }

        root.GetProperty("last_updated").GetString().Should().Be("2025-03-04T05:06:07Z");
        var profile = context.Manager.LoadUserProfile();
        profile.PersonalInfo.Should().BeNull();
        profile.LastUpdated.Should().Be(new DateTime(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc));
    }

    [Fact]
    public void InitializeDataDirectory_Twice_IsIdempotentAndKeepsTheProfileByteIdentical()
    {
        var context = new ManagerTestContext();
        context.Manager.InitializeDataDirectory();
        var before = context.Snapshot();

        context.Time.Advance(TimeSpan.FromHours(1));
        context.Manager.InitializeDataDirectory();
        context.NewManager().InitializeDataDirectory();

        context.Snapshot().Should().Equal(before);
    }

    [Fact]
    public void InitializeDataDirectory_ExistingProfile_IsNeverOverwritten()
    {
        var context = new ManagerTestContext();
        var existing = Encoding.UTF8.GetBytes("{\"version\":\"1.0\",\"skills\":[\"kept\"],\"last_updated\":\"2020-01-01T00:00:00Z\"}");
        context.WriteFile("data/user_profile.json", existing);

        context.Manager.InitializeDataDirectory();

        context.ProfileBytes().Should().Equal(existing);
        context.FileSystem.Directory.Exists(context.PathOf("cover_letters")).Should().BeTrue("missing folders are still created");
        context.Manager.LoadUserProfile().Skills.Should().Equal("kept");
    }

    [Fact]
    public void InitializeDataDirectory_ExistingCorruptProfile_IsLeftAlone()
    {
        var context = new ManagerTestContext();
        context.WriteFile("data/user_profile.json", "{ corrupt");

        context.Manager.InitializeDataDirectory();

        context.FileSystem.File.ReadAllText(context.ProfilePath).Should().Be("{ corrupt");
    }

    [Fact]
    public void InitializeDataDirectory_StaleTempFiles_RemovedButForeignFilesKept()
    {
        var context = new ManagerTestContext();
        var stale = new[]
        {
            $"data/.user_profile.json.{StaleTemp}.tmp",
            $"backups/.auto_backup_20250101_000000.zip.{StaleTemp}.tmp",
        };
        var foreign = new[]
        {
            $"data/user_profile.json.{StaleTemp}.tmp",
            "data/.user_profile.json.0123456789ABCDEF.tmp",
            "data/.user_profile.json.0123.tmp",
            "data/.user_profile.json.tmp",
            "data/notes.tmp",
            $"resumes/.cv.pdf.{StaleTemp}.tmp",
            "backups/notes.txt",
        };
        foreach (var file in stale.Concat(foreign))
        {
            context.WriteFile(file, "x");
        }

        context.Manager.InitializeDataDirectory();

        foreach (var file in stale)
        {
            context.FileSystem.File.Exists(context.PathOf(file)).Should().BeFalse(file);
        }

        foreach (var file in foreign)
        {
            context.FileSystem.File.Exists(context.PathOf(file)).Should().BeTrue(file);
        }

        context.Logger.Collector.GetSnapshot().Count(r => r.Id.Id == 14).Should().Be(2);
    }

    [Fact]
    public void InitializeDataDirectory_Logs_WhetherTheProfileWasCreated()
    {
        var context = new ManagerTestContext();

        context.Manager.InitializeDataDirectory();
        context.Manager.InitializeDataDirectory();

        var records = context.Logger.Collector.GetSnapshot().Where(r => r.Id.Id == 1).ToList();
        records.Should().HaveCount(2);
        records[0].StructuredState!.Should().Contain(new KeyValuePair<string, string?>("ProfileCreated", "True"));
        records[1].StructuredState!.Should().Contain(new KeyValuePair<string, string?>("ProfileCreated", "False"));
        records[0].StructuredState!.Should().Contain(new KeyValuePair<string, string?>("DataDirectory", ManagerTestContext.Root));
    }

    [Fact]
    public void InitializeDataDirectory_ProfileWriteDenied_ThrowsDataAccessDeniedAndLeavesNoTemp()
    {
        var context = new ManagerTestContext();
        context.FileSystem.Fault = (op, path) => op == FaultOperation.Open && path.EndsWith(".tmp", StringComparison.Ordinal)
            ? new UnauthorizedAccessException("denied")
            : null;

        var act = () => context.Manager.InitializeDataDirectory();

        act.Should().ThrowExactly<DataAccessDeniedException>().Which.InnerException.Should().BeOfType<UnauthorizedAccessException>();
        context.FileSystem.File.Exists(context.ProfilePath).Should().BeFalse();
        context.TempFiles().Should().BeEmpty();
    }

    [Fact]
    public void InitializeDataDirectory_EssentialFolderCreationFails_ThrowsTypedError()
    {
        // Only data/ is essential; a file in place of resumes/ or backups/ is reported, not thrown (OptionalFolderTests).
        var context = new ManagerTestContext();
        context.WriteFile("data", "a file where a folder belongs");

        var act = () => context.Manager.InitializeDataDirectory();

        act.Should().Throw<UserDataException>().WithMessage("*" + ManagerTestContext.Root + "*");
    }
}
