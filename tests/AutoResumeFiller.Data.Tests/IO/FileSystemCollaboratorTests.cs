using System.IO.Abstractions;
using System.Text;
using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.Tests.Support;
using Microsoft.Extensions.Logging.Testing;
using Moq;

namespace AutoResumeFiller.Data.Tests.IO;

public class FileSystemCollaboratorTests
{
    [Fact]
    public void DiskSpace_DriveCannotBeMeasured_SkipsTheCheckAndLogs()
    {
        var fs = new Mock<IFileSystem>();
        fs.Setup(f => f.DriveInfo.New(It.IsAny<string>())).Throws(new ArgumentException("no such drive"));
        var logger = new FakeLogger();

        new DiskSpace(fs.Object, logger).EnsureAvailable("/d", long.MaxValue);

        logger.Collector.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 15);
    }

    [Theory]
    [InlineData(0, "0MB")]
    [InlineData(1, "1MB")]
    [InlineData(10L * 1024 * 1024, "10MB")]
    [InlineData(10L * 1024 * 1024 + 1, "11MB")]
    public void DiskSpace_FormatMegabytes_RoundsUp(long bytes, string expected)
    {
        DiskSpace.FormatMegabytes(bytes).Should().Be(expected);
    }

    [Fact]
    public void AtomicFileWriter_CreateExclusive_NeverOpensAnExistingFile()
    {
        var fs = MockFileSystems.WithFreeSpace();
        fs.Directory.CreateDirectory("/d");
        fs.File.WriteAllText("/d/existing", "keep");
        var writer = new AtomicFileWriter(fs, ManagerPlatforms.Create(OSFamily.Linux), new FakeLogger());

        FluentActions.Invoking(() => writer.CreateExclusive("/d/existing")).Should().Throw<IOException>();

        fs.File.ReadAllText("/d/existing").Should().Be("keep");
    }

    [Fact]
    public void AtomicFileWriter_NewTempPath_IsAHiddenRandomSiblingThatStaleCleanupRecognises()
    {
        var writer = new AtomicFileWriter(MockFileSystems.WithFreeSpace(), ManagerPlatforms.Create(OSFamily.Linux), new FakeLogger());

        var first = writer.NewTempPath("/d/user_profile.json");
        var second = writer.NewTempPath("/d/user_profile.json");

        first.Should().MatchRegex(@"^/d/\.user_profile\.json\.[0-9a-f]{16}\.tmp$");
        second.Should().NotBe(first);
    }

    [Fact]
    public void AtomicFileWriter_ContentCallbackThrows_RemovesTheTempAndRethrows()
    {
        var fs = MockFileSystems.WithFreeSpace();
        fs.Directory.CreateDirectory("/d");
        fs.File.WriteAllText("/d/target", "old");
        var writer = new AtomicFileWriter(fs, ManagerPlatforms.Create(OSFamily.Linux), new FakeLogger());

        FluentActions.Invoking(() => writer.Write("/d/target", stream =>
        {
            stream.Write(Encoding.UTF8.GetBytes("partial"));
            throw new InvalidOperationException("serializer bug");
        })).Should().ThrowExactly<InvalidOperationException>();

        fs.File.ReadAllText("/d/target").Should().Be("old");
        fs.Directory.GetFiles("/d").Should().Equal("/d/target");
    }

    [Fact]
    public void AtomicFileWriter_WriteUnique_FirstFreeNameWithoutTouchingExistingOnes()
    {
        var fs = MockFileSystems.WithFreeSpace();
        fs.Directory.CreateDirectory("/d");
        fs.File.WriteAllText("/d/a_1", "one");
        fs.File.WriteAllText("/d/a_2", "two");
        var writer = new AtomicFileWriter(fs, ManagerPlatforms.Create(OSFamily.Linux), new FakeLogger());

        var written = writer.WriteUnique(i => $"/d/a_{i}", s => s.Write("three"u8));

        written.Should().Be("/d/a_3");
        fs.File.ReadAllText("/d/a_1").Should().Be("one");
        fs.File.ReadAllText("/d/a_2").Should().Be("two");
        fs.File.ReadAllText("/d/a_3").Should().Be("three");
        fs.Directory.GetFiles("/d").Should().HaveCount(3);
    }

    [Fact]
    public void FileLock_DiskFullWhileCreatingTheLockFile_ThrowsInsufficientDiskSpaceAtOnce()
    {
        var fs = new FaultInjectingFileSystem();
        fs.Directory.CreateDirectory("/d");
        fs.Fault = (op, _) => op == FaultOperation.Open ? FaultInjectingFileSystem.IOError(28) : null;
        var fileLock = new FileLock(fs, "/d/.lock", TimeSpan.FromSeconds(30), new FakeLogger());

        FluentActions.Invoking(() => fileLock.Acquire(exclusive: true)).Should().ThrowExactly<InsufficientDiskSpaceException>()
            .WithMessage("*while opening the lock file '/d/.lock'.");
        fs.CountCalls(FaultOperation.Open, _ => true).Should().Be(1, "a full disk is not worth waiting for");
    }

    [Fact]
    public void FileLock_FolderMissing_ThrowsTypedErrorAtOnce()
    {
        var fs = MockFileSystems.WithFreeSpace();
        var fileLock = new FileLock(fs, "/missing/.lock", TimeSpan.FromSeconds(30), new FakeLogger());

        FluentActions.Invoking(() => fileLock.Acquire(exclusive: false)).Should().Throw<UserDataException>()
            .WithMessage("*opening the lock file '/missing/.lock'*");
    }

    [Fact]
    public async Task FileLock_SharedHoldersTogether_ExclusiveWaitsForAll()
    {
        var fs = MockFileSystems.WithFreeSpace();
        fs.Directory.CreateDirectory("/d");
        var fileLock = new FileLock(fs, "/d/.lock", TimeSpan.FromMilliseconds(100), new FakeLogger());

        using (fileLock.Acquire(exclusive: false))
        using (await fileLock.AcquireAsync(exclusive: false, TestContext.Current.CancellationToken))
        {
            FluentActions.Invoking(() => fileLock.Acquire(exclusive: true)).Should().ThrowExactly<DataLockTimeoutException>();
        }

        using (fileLock.Acquire(exclusive: true))
        {
            await FluentActions.Awaiting(() => fileLock.AcquireAsync(exclusive: false, TestContext.Current.CancellationToken))
                .Should().ThrowExactlyAsync<DataLockTimeoutException>().WithMessage("*shared lock on '/d/.lock'.");
        }

        fileLock.LockPath.Should().Be("/d/.lock");
    }

    [Fact]
    public void PosixPermissions_OnPosix_MakeFilesPrivate_OnWindows_LeaveThemAlone()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes exist only on POSIX.");
        }

        const UnixFileMode open = (UnixFileMode)0x1FF;
        var fs = MockFileSystems.WithFreeSpace();
        foreach (var root in new[] { "/posix", "/windows" })
        {
            fs.Directory.CreateDirectory(root);
            fs.File.WriteAllText(root + "/f", "x");
            fs.File.SetUnixFileMode(root, open);
            fs.File.SetUnixFileMode(root + "/f", open);
        }

        var posix = new PosixPermissions(fs, ManagerPlatforms.Create(OSFamily.Linux), new FakeLogger());
        var windows = new PosixPermissions(fs, ManagerPlatforms.Create(OSFamily.Windows), new FakeLogger());
        posix.EnsurePrivateDirectory("/posix");
        posix.MakePrivateFile("/posix/f");
        posix.EnsurePrivateDirectory("/posix/new");
        windows.EnsurePrivateDirectory("/windows");
        windows.MakePrivateFile("/windows/f");

        // The mock keeps modes of files only; real folders are checked by the integration tests.
        fs.File.GetUnixFileMode("/posix/f").Should().Be(PosixPermissions.PrivateFile);
        fs.Directory.Exists("/posix/new").Should().BeTrue();
        fs.File.GetUnixFileMode("/windows/f").Should().Be(open);
    }
}
