using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Watching;

/// <summary>WatchProfile on an encrypted data directory: it follows <c>user_profile.json.enc</c> and reports its decrypted <c>last_updated</c>.</summary>
public class WatchProfileEncryptedTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    [Fact]
    public void WatchProfile_EncryptedProfileSaved_ReportsTheEncryptedPathAndTheDecryptedTimestamp()
    {
        var keys = new InMemoryKeyProvider();
        var context = new ManagerTestContext(o => o.Encryption = keys);
        context.Initialized();
        var changes = new List<ProfileChange>();
        using var watch = context.Manager.WatchProfile(changes.Add);

        context.Time.Advance(TimeSpan.FromMinutes(1));
        var saved = ManagerTestContext.ValidProfile();
        context.NewManager(o => o.Encryption = keys).SaveUserProfile(saved);
        context.Time.Advance(Interval);

        changes.Should().ContainSingle();
        changes[0].ProfilePath.Should().EndWith("user_profile.json.enc").And.Be(context.Manager.ProfilePath);
        changes[0].LastUpdated.Should().Be(saved.LastUpdated).And.Be(ManagerTestContext.Start.UtcDateTime.AddMinutes(1));
    }

    [Fact]
    public void WatchProfile_EncryptedProfileUnderAnUnknownKey_ReportsTheFileTimeInsteadOfThrowing()
    {
        var keys = new InMemoryKeyProvider();
        var context = new ManagerTestContext(o => o.Encryption = keys);
        context.Initialized();
        var watcherKeys = new InMemoryKeyProvider();
        var watcher = context.NewManager(o => o.Encryption = watcherKeys);
        var changes = new List<ProfileChange>();
        using var watch = watcher.WatchProfile(changes.Add);

        context.Time.Advance(TimeSpan.FromMinutes(1));
        context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        context.Time.Advance(Interval);

        changes.Should().ContainSingle().Which.LastUpdated.Should()
            .Be(context.FileSystem.File.GetLastWriteTimeUtc(context.Manager.ProfilePath));
    }
}
