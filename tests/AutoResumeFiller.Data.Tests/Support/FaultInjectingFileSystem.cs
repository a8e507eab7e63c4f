using System.IO.Abstractions;
using System.IO.Abstractions.TestingHelpers;
using Microsoft.Win32.SafeHandles;

namespace AutoResumeFiller.Data.Tests.Support;

/// <summary>The file system operations a <see cref="FaultInjectingFileSystem"/> can make fail.</summary>
internal enum FaultOperation
{
    /// <summary>Opening or creating a file stream (path: the file).</summary>
    Open,

    /// <summary>Writing to a stream (path: the file being written).</summary>
    Write,

    /// <summary>Moving or renaming a file (path: the destination).</summary>
    Move,

    /// <summary>Deleting a file (path: the file).</summary>
    Delete,
}

/// <summary>
/// A <see cref="MockFileSystem"/> (with free space on <c>/</c>) whose streams, moves and deletes first ask
/// <see cref="Fault"/>: a returned exception is thrown instead of doing the operation, so tests can make
/// exactly one step of a save or backup fail (disk full during the temp write, a refused rename…).
/// </summary>
internal sealed class FaultInjectingFileSystem : MockFileSystem
{
    private readonly object _gate = new();
    private readonly List<(FaultOperation Operation, string Path)> _calls = [];
    private FaultFile? _file;
    private FaultFileStreamFactory? _streams;

    public FaultInjectingFileSystem(long freeBytes = 100L * 1024 * 1024 * 1024)
    {
        AddDrive("/", new MockDriveData { AvailableFreeSpace = freeBytes, TotalSize = freeBytes * 2 });
    }

    /// <summary>Gets or sets the rule: given an operation and its path, the exception to throw, or <see langword="null"/> to go on.</summary>
    public Func<FaultOperation, string, Exception?>? Fault { get; set; }

    public override IFile File => _file ??= new FaultFile(this);

    public override IFileStreamFactory FileStream => _streams ??= new FaultFileStreamFactory(this);

    /// <summary>Gets how many times <paramref name="operation"/> was attempted on a path matching <paramref name="match"/>.</summary>
    public int CountCalls(FaultOperation operation, Func<string, bool> match)
    {
        lock (_gate)
        {
            return _calls.Count(c => c.Operation == operation && match(c.Path));
        }
    }

    /// <summary>Gets the operations attempted so far, in order.</summary>
    public IReadOnlyList<(FaultOperation Operation, string Path)> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Forgets the operations recorded so far, so a test counts only those of the step it acts on.</summary>
    public void ClearCalls()
    {
        lock (_gate)
        {
            _calls.Clear();
        }
    }

    /// <summary>Creates an <see cref="IOException"/> with the given HResult, as the OS raises for a full disk or a sharing violation.</summary>
    public static IOException IOError(int hresult, string message = "Injected I/O failure") => new(message, hresult);

    internal void Check(FaultOperation operation, string path)
    {
        lock (_gate)
        {
            _calls.Add((operation, path));
        }

        if (Fault?.Invoke(operation, path) is { } exception)
        {
            throw exception;
        }
    }

    private sealed class FaultFile(FaultInjectingFileSystem owner) : MockFile(owner)
    {
        public override void Move(string sourceFileName, string destFileName)
        {
            owner.Check(FaultOperation.Move, owner.Path.GetFullPath(destFileName));
            base.Move(sourceFileName, destFileName);
        }

        public override void Move(string sourceFileName, string destFileName, bool overwrite)
        {
            owner.Check(FaultOperation.Move, owner.Path.GetFullPath(destFileName));
            base.Move(sourceFileName, destFileName, overwrite);
        }

        public override void Delete(string path)
        {
            owner.Check(FaultOperation.Delete, owner.Path.GetFullPath(path));
            base.Delete(path);
        }
    }

    private sealed class FaultFileStreamFactory(FaultInjectingFileSystem owner) : IFileStreamFactory
    {
        private readonly MockFileStreamFactory _inner = new(owner);

        public IFileSystem FileSystem => owner;

        public FileSystemStream New(SafeFileHandle handle, FileAccess access) => _inner.New(handle, access);

        public FileSystemStream New(SafeFileHandle handle, FileAccess access, int bufferSize) => _inner.New(handle, access, bufferSize);

        public FileSystemStream New(SafeFileHandle handle, FileAccess access, int bufferSize, bool isAsync) => _inner.New(handle, access, bufferSize, isAsync);

        public FileSystemStream New(string path, FileMode mode) => Open(path, () => _inner.New(path, mode));

        public FileSystemStream New(string path, FileMode mode, FileAccess access) => Open(path, () => _inner.New(path, mode, access));

        public FileSystemStream New(string path, FileMode mode, FileAccess access, FileShare share) => Open(path, () => _inner.New(path, mode, access, share));

        public FileSystemStream New(string path, FileMode mode, FileAccess access, FileShare share, int bufferSize) => Open(path, () => _inner.New(path, mode, access, share, bufferSize));

        public FileSystemStream New(string path, FileMode mode, FileAccess access, FileShare share, int bufferSize, bool useAsync) => Open(path, () => _inner.New(path, mode, access, share, bufferSize, useAsync));

        public FileSystemStream New(string path, FileMode mode, FileAccess access, FileShare share, int bufferSize, FileOptions options) => Open(path, () => _inner.New(path, mode, access, share, bufferSize, options));

        public FileSystemStream New(string path, FileStreamOptions options) => Open(path, () => _inner.New(path, options));

        public FileSystemStream Wrap(FileStream fileStream) => _inner.Wrap(fileStream);

        private FaultStream Open(string path, Func<FileSystemStream> open)
        {
            var full = owner.Path.GetFullPath(path);
            owner.Check(FaultOperation.Open, full);
            return new FaultStream(open(), full, owner);
        }
    }

    /// <summary>Delegates to the mock stream, checking every write first.</summary>
    private sealed class FaultStream : FileSystemStream
    {
        private readonly FileSystemStream _inner;
        private readonly string _path;
        private readonly FaultInjectingFileSystem _owner;

        public FaultStream(FileSystemStream inner, string path, FaultInjectingFileSystem owner)
            : base(inner, path, inner.IsAsync)
        {
            _inner = inner;
            _path = path;
            _owner = owner;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _owner.Check(FaultOperation.Write, _path);
            _inner.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _owner.Check(FaultOperation.Write, _path);
            _inner.Write(buffer);
        }

        public override void WriteByte(byte value)
        {
            _owner.Check(FaultOperation.Write, _path);
            _inner.WriteByte(value);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _owner.Check(FaultOperation.Write, _path);
            return _inner.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _owner.Check(FaultOperation.Write, _path);
            return _inner.WriteAsync(buffer, cancellationToken);
        }

        public override void Flush(bool flushToDisk) => _inner.Flush(flushToDisk);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
