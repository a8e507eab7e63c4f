using System.IO.Compression;
using AutoResumeFiller.Data.IntegrationTests.Support;

namespace AutoResumeFiller.Data.IntegrationTests;

/// <summary>
/// Issue 15, zip bombs on the real file system: an honestly deflated archive of 20 MB of one byte is refused; a realistic
/// data directory (resume PDFs and DOCX, already compressed; text letters; JSON) backs up, verifies and restores.
/// </summary>
public sealed class ZipBombTests : IDisposable
{
    private const int MiB = 1024 * 1024;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void VerifyAndRestore_OwnBackupHoldingTwentyMegabytesOfOneByte_AreRefusedAndNothingChanges()
    {
        var source = Managers.Initialized(_temp.Combine("source"));
        var blank = new byte[20 * MiB];
        Array.Fill(blank, (byte)' ');
        File.WriteAllBytes(Path.Combine(source.DataDirectory, "resumes", "blank.txt"), blank);
        var bomb = source.BackupData("bomb"); // deflated honestly, about 1000:1
        var target = Managers.Initialized(_temp.Combine("target"));
        var before = DataDirectoryChecks.Snapshot(target.DataDirectory);

        var verification = target.VerifyBackup(bomb);
        var restore = FluentActions.Invoking(() => target.RestoreFromBackup(bomb));

        new FileInfo(bomb).Length.Should().BeLessThan(MiB, "deflate shrinks 20 MB of one byte to about 20 KB");
        verification.IsValid.Should().BeFalse();
        verification.Problems.Should().ContainSingle().Which.Should().StartWith("entry 'resumes/blank.txt' expands to 20971520 bytes from ");
        restore.Should().ThrowExactly<InvalidBackupException>().Which.Problems.Should().Equal(verification.Problems);
        DataDirectoryChecks.Snapshot(target.DataDirectory).Should().Equal(before);
    }

    [Fact]
    public void BackupVerifyRestore_RealisticCorpus_StaysFarBelowTheRatioLimit()
    {
        var root = _temp.Combine("corpus");
        var manager = Managers.Initialized(root);
        var files = RealisticCorpus.Write(root, seed: 15);

        var backup = manager.BackupData("corpus");
        var verification = manager.VerifyBackup(backup);
        var ratios = EntryRatios(backup);
        var restored = Managers.Initialized(_temp.Combine("restored"));
        restored.RestoreFromBackup(backup);

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", ratios.Select(r => $"{r.Key}: {r.Value:0.00}:1")));
        verification.Problems.Should().BeEmpty();
        ratios.Keys.Should().Contain(files.Where(f => f.Value > MiB).Select(f => f.Key), "the corpus has entries the ratio rule applies to");
        ratios.Values.Max().Should().BeLessThan(20, "real resumes, letters and JSON deflate at most a few times (100:1 is refused)");
        foreach (var relative in files.Keys)
        {
            DataDirectoryChecks.Sha256(Path.Combine(restored.DataDirectory, relative))
                .Should().Be(DataDirectoryChecks.Sha256(Path.Combine(root, relative)), $"{relative} is restored exactly");
        }
    }

    /// <summary>Uncompressed / compressed size of every entry over 1 MiB.</summary>
    private static Dictionary<string, double> EntryRatios(string archive)
    {
        using var zip = ZipFile.OpenRead(archive);
        return zip.Entries.Where(e => e.Length > MiB).ToDictionary(e => e.FullName, e => e.Length / (double)e.CompressedLength);
    }
}
