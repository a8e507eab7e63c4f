using AutoResumeFiller.Data.IntegrationTests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AutoResumeFiller.Data.IntegrationTests;

/// <summary>Rotation when many saves fall in the same second (a busy app, or the crash suite's child).</summary>
public sealed class BackupRotationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void SaveUserProfile_ManySavesInOneSecond_KeepsTheNewestAutoBackups()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var manager = Managers.Initialized(_temp.Combine("data"), o => o.MaxAutoBackups = 3, time);

        for (var i = 1; i <= 8; i++)
        {
            manager.SaveUserProfile(TestHost.SampleProfiles.Valid($"save {i}"));
        }

        var autos = manager.ListAvailableBackups().Where(b => b.Kind == BackupKind.Auto).ToList();
        autos.Should().HaveCount(3);
        var summaries = autos.Select(b => Managers.RestoredSummary(manager, b.Path, _temp)).ToList();
        summaries.Should().Equal(["save 7", "save 6", "save 5"], "the newest auto backup holds the profile before the last save, and so on");
    }
}
