using System.IO.Abstractions;
using AutoResumeFiller.Data.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AutoResumeFiller.Data.Tests.DependencyInjection;

public class UserDataServiceCollectionExtensionsTests
{
    [Fact]
    public void AddUserDataManager_UsesRegisteredFileSystemClockAndOptions()
    {
        var fileSystem = MockFileSystems.WithFreeSpace();
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var services = new ServiceCollection()
            .AddSingleton<IFileSystem>(fileSystem)
            .AddSingleton<TimeProvider>(time)
            .AddLogging()
            .AddUserDataManager(o => o.DataDirectory = "/srv/arf");
        using var provider = services.BuildServiceProvider();

        var manager = provider.GetRequiredService<UserDataManager>();
        manager.InitializeDataDirectory();

        manager.DataDirectory.Should().Be("/srv/arf");
        provider.GetRequiredService<UserDataManager>().Should().BeSameAs(manager);
        fileSystem.File.Exists("/srv/arf/data/user_profile.json").Should().BeTrue("the registered IFileSystem is used");
        manager.LoadUserProfile().LastUpdated.Should().Be(time.GetUtcNow().UtcDateTime, "the registered TimeProvider is used");
    }

    [Fact]
    public void AddUserDataManager_CalledTwice_KeepsTheFirstRegistration()
    {
        var services = new ServiceCollection()
            .AddSingleton<IFileSystem>(MockFileSystems.WithFreeSpace())
            .AddUserDataManager(o => o.DataDirectory = "/first")
            .AddUserDataManager(o => o.DataDirectory = "/second");
        using var provider = services.BuildServiceProvider();

        services.Count(d => d.ServiceType == typeof(UserDataManager)).Should().Be(1);
        provider.GetRequiredService<UserDataManager>().DataDirectory.Should().Be("/first");
    }

    [Fact]
    public void AddUserDataManager_NullServices_Throws() =>
        FluentActions.Invoking(() => UserDataServiceCollectionExtensions.AddUserDataManager(null!))
            .Should().Throw<ArgumentNullException>();
}
