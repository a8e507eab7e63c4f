namespace AutoResumeFiller.Data.IntegrationTests.Support;

/// <summary>A fresh folder under the system temp path, removed (after unmounting anything mounted inside) on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    private readonly List<string> _mounts = [];

    public TempDirectory(string prefix = "arf-it")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    /// <summary>Gets the folder's absolute path.</summary>
    public string Path { get; }

    /// <summary>Combines <paramref name="parts"/> under this folder.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Remembers a mount point to unmount before deleting.</summary>
    public void TrackMount(string mountPoint) => _mounts.Add(mountPoint);

    public void Dispose()
    {
        foreach (var mount in _mounts)
        {
            Tmpfs.Unmount(mount);
        }

        try
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
