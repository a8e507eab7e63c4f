using System.IO.Compression;
using System.Text.Json.Nodes;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Backups;

public class ExportDataTests
{
    private const string Target = "/media/usb/arf-export.zip";

    private static ManagerTestContext WithData()
    {
        var context = new ManagerTestContext();
        context.Initialized().SaveUserProfile(ManagerTestContext.ValidProfile());
        context.WriteFile("config.yaml", "ai:\n  api_key: sk-mine\n");
        context.WriteFile("resumes/cv.pdf", [1, 2, 3]);
        context.FileSystem.Directory.CreateDirectory("/media/usb");
        return context;
    }

    private static JsonNode Metadata(ManagerTestContext context, string path)
    {
        using var zip = new ZipArchive(context.FileSystem.File.OpenRead(path), ZipArchiveMode.Read);
        using var stream = zip.GetEntry("metadata.json")!.Open();
        return JsonNode.Parse(stream)!;
    }

    [Fact]
    public void ExportData_AnyFolder_WritesAFullArchiveOfKindExportThatVerifies()
    {
        var context = WithData();
        context.FileSystem.Directory.Delete(context.PathOf("cover_letters"));
        var progress = new List<BackupProgress>();

        var path = context.Manager.ExportData(Target, new ManagerSynchronousProgress<BackupProgress>(progress.Add));

        path.Should().Be(Target);
        var metadata = Metadata(context, path);
        metadata["kind"]!.GetValue<string>().Should().Be("export");
        metadata["files"]!.AsArray().Select(f => f!["path"]!.GetValue<string>()).Should().Equal("data/user_profile.json", "config.yaml", "resumes/cv.pdf");
        metadata["missing"]!.AsArray().Select(m => m!.GetValue<string>()).Should().Equal("cover_letters/");
        var verification = context.Manager.VerifyBackup(path);
        verification.IsValid.Should().BeTrue();
        verification.Kind.Should().Be(BackupKind.Export);
        progress.Should().NotBeEmpty();
        progress[^1].FilesDone.Should().Be(3);
        context.BackupFileNames().Should().NotContain(n => n.Contains("export", StringComparison.Ordinal), "an export is not written to backups/");
        context.TempFiles().Should().BeEmpty();
    }

    [Fact]
    public void ExportData_RestoredIntoAnotherDataDirectory_BringsEverythingBack()
    {
        var context = WithData();
        context.Manager.ExportData(Target);
        var other = new UserDataManager(new UserDataManagerOptions { DataDirectory = "/other/arf" }, context.FileSystem, null, context.Time, context.Platform);
        other.InitializeDataDirectory();

        other.RestoreFromBackup(Target);

        other.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Ada");
        context.FileSystem.File.ReadAllBytes("/other/arf/resumes/cv.pdf").Should().Equal(1, 2, 3);
        context.FileSystem.File.ReadAllText("/other/arf/config.yaml").Should().Be("ai:\n  api_key: sk-mine\n", "our exports keep the keys: they are the user's own");
    }

    [Fact]
    public void ExportData_ExistingFile_IsNeverReplaced()
    {
        var context = WithData();
        context.FileSystem.File.WriteAllText(Target, "precious");

        var act = () => context.Manager.ExportData(Target);

        act.Should().Throw<ArgumentException>().WithMessage($"'{Target}' already exists; an export never replaces a file. Choose a new file name.*");
        context.FileSystem.File.ReadAllText(Target).Should().Be("precious");
    }

    [Fact]
    public void ExportData_FileAppearingDuringTheExport_IsNotReplacedAndNoTempIsLeft()
    {
        var context = WithData();
        context.FileSystem.Fault = (op, path) =>
        {
            if (op == FaultOperation.Move && path == Target && !context.FileSystem.File.Exists(Target))
            {
                context.FileSystem.File.WriteAllText(Target, "raced");
            }

            return null;
        };

        var act = () => context.Manager.ExportData(Target);

        act.Should().Throw<ArgumentException>();
        context.FileSystem.File.ReadAllText(Target).Should().Be("raced");
        context.TempFiles().Should().BeEmpty();
    }

    [Theory]
    [InlineData("/media/nowhere/export.zip")]
    [InlineData("/media/usb")]
    [InlineData(" ")]
    public void ExportData_BadTarget_ThrowsArgumentException(string target)
    {
        var context = WithData();

        var act = () => context.Manager.ExportData(target);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void ExportData_NoProfile_ThrowsProfileNotFound()
    {
        var context = new ManagerTestContext();
        context.FileSystem.Directory.CreateDirectory("/media/usb");

        var act = () => context.Manager.ExportData(Target);

        act.Should().Throw<ProfileNotFoundException>();
        context.FileSystem.File.Exists(Target).Should().BeFalse();
    }

    [Fact]
    public async Task ExportDataAsync_Cancelled_LeavesNoFile()
    {
        var context = WithData();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var act = () => context.Manager.ExportDataAsync(Target, null, cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        context.FileSystem.File.Exists(Target).Should().BeFalse();
        context.TempFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task ExportDataAsync_WritesTheSameArchiveAsExportData()
    {
        var context = WithData();

        var path = await context.Manager.ExportDataAsync(Target, null, TestContext.Current.CancellationToken);

        context.Manager.VerifyBackup(path).IsValid.Should().BeTrue();
        context.Manager.ListAvailableBackups().Should().NotContain(b => b.Kind == BackupKind.Export);
    }

    [Fact]
    public void ListAvailableBackups_OurExportMovedIntoBackups_IsListedAsAnExport()
    {
        var context = WithData();
        context.Manager.ExportData(Target);
        context.FileSystem.File.Copy(Target, context.PathOf("backups/before-move.zip"));

        var export = context.Manager.ListAvailableBackups().Should().ContainSingle(b => b.Kind == BackupKind.Export).Subject;

        export.FileName.Should().Be("before-move.zip");
        export.CreatedAt.Should().Be(ManagerTestContext.Start.UtcDateTime);
    }
}
