using System.IO.Abstractions;
using Moq;

namespace AutoResumeFiller.Data.Tests.Support;

/// <summary>
/// A mocked <see cref="IFileSystem"/> over a <see cref="FaultInjectingFileSystem"/> whose watcher factory hands out
/// mocked <see cref="IFileSystemWatcher"/>s, so a test can raise their events (a change, an error, an overflow) by hand.
/// </summary>
internal sealed class FakeWatcherFileSystem
{
    private readonly List<(string Path, string Filter, Mock<IFileSystemWatcher> Watcher)> _watchers = [];

    public FakeWatcherFileSystem(FaultInjectingFileSystem inner)
    {
        Inner = inner;
        var factory = new Mock<IFileSystemWatcherFactory>();
        factory.Setup(f => f.New(It.IsAny<string>(), It.IsAny<string>())).Returns((string path, string filter) => NewWatcher(path, filter));
        var fileSystem = new Mock<IFileSystem>();
        fileSystem.SetupGet(f => f.File).Returns(inner.File);
        fileSystem.SetupGet(f => f.Directory).Returns(inner.Directory);
        fileSystem.SetupGet(f => f.FileInfo).Returns(inner.FileInfo);
        fileSystem.SetupGet(f => f.DirectoryInfo).Returns(inner.DirectoryInfo);
        fileSystem.SetupGet(f => f.FileStream).Returns(inner.FileStream);
        fileSystem.SetupGet(f => f.Path).Returns(inner.Path);
        fileSystem.SetupGet(f => f.DriveInfo).Returns(inner.DriveInfo);
        fileSystem.SetupGet(f => f.FileVersionInfo).Returns(inner.FileVersionInfo);
        fileSystem.SetupGet(f => f.FileSystemWatcher).Returns(factory.Object);
        Object = fileSystem.Object;
    }

    public FaultInjectingFileSystem Inner { get; }

    public IFileSystem Object { get; }

    /// <summary>Gets the watchers created so far, in order, with the folder and filter each was made for.</summary>
    public IReadOnlyList<(string Path, string Filter, Mock<IFileSystemWatcher> Watcher)> Watchers
    {
        get
        {
            lock (_watchers)
            {
                return [.. _watchers];
            }
        }
    }

    /// <summary>The newest watcher made for <paramref name="filter"/>.</summary>
    public Mock<IFileSystemWatcher> Latest(string filter) => Watchers.Last(w => w.Filter == filter).Watcher;

    private IFileSystemWatcher NewWatcher(string path, string filter)
    {
        var watcher = new Mock<IFileSystemWatcher>();
        watcher.SetupAllProperties();
        watcher.Object.Path = path;
        watcher.Object.Filter = filter;
        lock (_watchers)
        {
            _watchers.Add((path, filter, watcher));
        }

        return watcher.Object;
    }
}
