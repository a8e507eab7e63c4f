using AutoResumeFiller.Data.IntegrationTests.Support;

namespace AutoResumeFiller.Data.IntegrationTests;

/// <summary>Issue 3: a data directory the user may not use gives <see cref="DataAccessDeniedException"/> (checked as uid 65534).</summary>
public sealed class PermissionTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("load", "0700")]
    [InlineData("save", "0700")]
    [InlineData("init", "0700")]
    [InlineData("backup", "0700")]
    [InlineData("load", "0755")]
    [InlineData("save", "0755")]
    [InlineData("init", "0755")]
    [InlineData("backup", "0755")]
    public void Operation_AsAnotherUserOnRootOwnedDataDirectory_ThrowsDataAccessDenied(string operation, string rootMode)
    {
        if (UnprivilegedHost.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        File.SetUnixFileMode(_temp.Path, (UnixFileMode)0b111_101_101);
        var root = _temp.Combine("root-owned");
        var manager = Managers.Initialized(root);
        File.SetUnixFileMode(root, rootMode == "0700" ? DataDirectoryChecks.PrivateFolder : (UnixFileMode)0b111_101_101);
        var before = DataDirectoryChecks.Snapshot(root);

        var lines = UnprivilegedHost.Run("access", root, operation);

        lines.Should().ContainSingle(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            .Which.Should().StartWith("RESULT DataAccessDeniedException Access denied to '" + root);
        DataDirectoryChecks.Snapshot(root).Should().Equal(before, "a refused operation changes nothing");
    }
}
