using System.IO.Abstractions.TestingHelpers;

namespace AutoResumeFiller.Data.Tests.Support;

/// <summary>Mock file systems for unit tests. A fresh MockFileSystem reports 0 bytes free, so drives are given space explicitly.</summary>
internal static class MockFileSystems
{
    public const string DataDirectory = "/home/user/.local/share/autoresumefiller";

    public static MockFileSystem WithFreeSpace(long freeBytes = 100L * 1024 * 1024 * 1024)
    {
        var fs = new MockFileSystem();
        fs.AddDrive("/", new MockDriveData { AvailableFreeSpace = freeBytes, TotalSize = freeBytes * 2 });
        return fs;
    }
}
