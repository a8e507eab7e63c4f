using AutoResumeFiller.Data.Tests.Support;
using Microsoft.Extensions.Logging;

namespace AutoResumeFiller.Data.Tests.Legacy;

/// <summary>The Python app's files whose names no backup of ours can hold: not copied, but never silently.</summary>
public class ImportLegacyUnstorableNameTests
{
    private const string Legacy = "/mnt/old-laptop/AutoResumeFiller";

    private static ManagerTestContext WithLegacyFiles(params string[] extraFiles)
    {
        var files = PythonApp.LegacyFiles();
        foreach (var relative in extraFiles)
        {
            files[relative] = "extra"u8.ToArray();
        }

        var context = new ManagerTestContext();
        PythonApp.Install(context.FileSystem, Legacy, files);
        return context;
    }

    [Fact]
    public void ImportLegacyData_FileNameNoBackupCanHold_IsSkippedReportedAndLogged()
    {
        var context = WithLegacyFiles("resumes/CV 10:30.pdf", "cover_letters/old./letter.txt");

        var result = context.Manager.ImportLegacyData(Legacy)!;

        result.FilesSkipped.Should().Equal("cover_letters/old./letter.txt ('old.' ends in '.')", "resumes/CV 10:30.pdf (the name contains ':')");
        result.FilesCopied.Should().Equal("config.yaml", "cover_letters/acme_corp.txt", "resumes/resume_2025.pdf");
        context.FileSystem.File.Exists(context.PathOf("resumes/CV 10:30.pdf")).Should().BeFalse();
        context.FileSystem.File.Exists(Legacy + "/resumes/CV 10:30.pdf").Should().BeTrue("the Python app's folder is only read");
        var warnings = context.Logger.Collector.GetSnapshot().Where(r => r.Id.Id == 42).ToList();
        warnings.Should().OnlyContain(r => r.Level == LogLevel.Warning);
        warnings.Select(r => r.Message).Should().Equal(
            $"Did not copy the Python app's file {Legacy}/cover_letters/old./letter.txt: 'old.' ends in '.', and a backup could not hold it. Rename it in the Python app's folder and import again",
            $"Did not copy the Python app's file {Legacy}/resumes/CV 10:30.pdf: the name contains ':', and a backup could not hold it. Rename it in the Python app's folder and import again");
    }

    [Fact]
    public void ImportLegacyData_BackslashInALinuxFileName_IsSkippedNotTurnedIntoAFolder()
    {
        var context = WithLegacyFiles("resumes/2024\\cv.pdf");

        var result = context.Manager.ImportLegacyData(Legacy)!;

        result.FilesSkipped.Should().Equal("resumes/2024\\cv.pdf (the name contains '\\')");
        context.FileSystem.Directory.Exists(context.PathOf("resumes/2024")).Should().BeFalse();
    }

    [Fact]
    public void PreviewLegacyImport_FileNameNoBackupCanHold_IsReportedAsTheImportWillReportIt()
    {
        var context = WithLegacyFiles("resumes/CV 10:30.pdf");

        var preview = context.Manager.PreviewLegacyImport(Legacy)!;

        preview.FilesSkipped.Should().Equal("resumes/CV 10:30.pdf (the name contains ':')");
        context.Manager.ImportLegacyData(Legacy)!.FilesSkipped.Should().Equal(preview.FilesSkipped);
        context.Manager.ImportLegacyData(Legacy)!.FilesSkipped.Should().Equal(preview.FilesSkipped, "a rerun still says so: the file was never imported");
    }
}
