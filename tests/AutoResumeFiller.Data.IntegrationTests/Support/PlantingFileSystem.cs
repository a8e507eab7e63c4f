using System.IO.Abstractions;
using Microsoft.Win32.SafeHandles;

namespace AutoResumeFiller.Data.IntegrationTests.Support;

/// <summary>
/// The real file system, except that just before the library creates a file with <see cref="FileMode.CreateNew"/>
/// whose name <paramref name="shouldPlant"/> accepts, <paramref name="plant"/> runs (e.g. to put a symbolic link at
/// exactly that random temp name): the attacker who wins the race, on demand. Still a <see cref="FileSystem"/>, so the
/// library uses its real-disk paths (0600 creation mode, fsync).
/// </summary>
public sealed class PlantingFileSystem(Func<string, bool> shouldPlant, Action<string> plant) : FileSystem
{
    private IFileStreamFactory? _factory;

    public bool Enabled { get; set; }

    public int Planted { get; private set; }

    public override IFileStreamFactory FileStream => _factory ??= new Factory(this, base.FileStream);

    private void BeforeCreate(string path, FileMode mode)
    {
        if (Enabled && mode == FileMode.CreateNew && shouldPlant(path))
        {
            plant(path);
            Planted++;
        }
    }

    private sealed class Factory(PlantingFileSystem owner, IFileStreamFactory inner) : IFileStreamFactory
    {
        public IFileSystem FileSystem => owner;

        public FileSystemStream New(SafeFileHandle handle, FileAccess access) => inner.New(handle, access);

        public FileSystemStream New(SafeFileHandle handle, FileAccess access, int bufferSize) => inner.New(handle, access, bufferSize);

        public FileSystemStream New(SafeFileHandle handle, FileAccess access, int bufferSize, bool isAsync) => inner.New(handle, access, bufferSize, isAsync);

        public FileSystemStream New(string path, FileMode mode)
        {
            owner.BeforeCreate(path, mode);
            return inner.New(path, mode);
        }

        public FileSystemStream New(string path, FileMode mode, FileAccess access)
        {
            owner.BeforeCreate(path, mode);
            return inner.New(path, mode, access);
        }

        public FileSystemStream New(string path, FileMode mode, FileAccess access, FileShare share)
        {
            owner.BeforeCreate(path, mode);
            return inner.New(path, mode, access, share);
        }

        public FileSystemStream New(string path, FileMode mode, FileAccess access, FileShare share, int bufferSize)
        {
            owner.BeforeCreate(path, mode);
            return inner.New(path, mode, access, share, bufferSize);
        }

        public FileSystemStream New(string path, FileMode mode, FileAccess access, FileShare share, int bufferSize, bool useAsync)
        {
            owner.BeforeCreate(path, mode);
            return inner.New(path, mode, access, share, bufferSize, useAsync);
        }

        public FileSystemStream New(string path, FileMode mode, FileAccess access, FileShare share, int bufferSize, FileOptions options)
        {
            owner.BeforeCreate(path, mode);
            return inner.New(path, mode, access, share, bufferSize, options);
        }

        public FileSystemStream New(string path, FileStreamOptions options)
        {
            owner.BeforeCreate(path, options.Mode);
            return inner.New(path, options);
        }

        public FileSystemStream Wrap(FileStream fileStream) => inner.Wrap(fileStream);
    }
}
