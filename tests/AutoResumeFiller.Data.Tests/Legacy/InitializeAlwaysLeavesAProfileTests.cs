using AutoResumeFiller.Data.Tests.Support;
using Microsoft.Extensions.Logging;

namespace AutoResumeFiller.Data.Tests.Legacy;

/// <summary>
/// <see cref="UserDataManager.InitializeDataDirectory"/> returns with a profile on disk, whatever the legacy import did,
/// except when it refuses the Python app's profile (then it throws, and no empty profile hides the legacy one).
/// </summary>
public class InitializeAlwaysLeavesAProfileTests
{
    private const int LegacyImportOnInitializeEvent = 62;
    private const int LegacyImportLeftNoProfileEvent = 64;

    [Fact]
    public void InitializeDataDirectory_PythonProfileRemovedBeforeTheImportRuns_CreatesTheEmptyProfile()
    {
        var context = new ManagerTestContext();
        var (manager, logger) = ManagerWhosePythonProfileVanishes(context, new UserDataManagerOptions { DataDirectory = ManagerTestContext.Root });

        manager.InitializeDataDirectory();

        manager.LastLegacyImport.Should().BeNull("there was nothing left to import");
        var profile = manager.LoadUserProfile();
        profile.PersonalInfo.Should().BeNull();
        profile.LastUpdated.Should().Be(ManagerTestContext.Start.UtcDateTime);
        context.FileSystem.File.GetUnixFileMode(manager.ProfilePath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        logger.EventIds.Should().Contain(LegacyImportLeftNoProfileEvent);
    }

    [Fact]
    public void InitializeDataDirectory_EncryptedAndPythonProfileRemovedBeforeTheImport_CreatesTheEncryptedEmptyProfile()
    {
        var context = new ManagerTestContext();
        var options = new UserDataManagerOptions { DataDirectory = ManagerTestContext.Root, Encryption = new InMemoryKeyProvider() };
        var (manager, _) = ManagerWhosePythonProfileVanishes(context, options);

        manager.InitializeDataDirectory();

        manager.ProfilePath.Should().EndWith(".enc");
        manager.LoadUserProfile().PersonalInfo.Should().BeNull();
        context.FileSystem.File.Exists(context.PathOf("data/user_profile.json")).Should().BeFalse("no plaintext profile is written with encryption on");
    }

    [Fact]
    public void InitializeDataDirectory_CorruptedLegacyProfile_RefusesRatherThanCreatingAnEmptyOne()
    {
        var context = new ManagerTestContext();
        var files = PythonApp.LegacyFiles();
        files["user_profile.json"] = "{ \"version\": \"1.0\", "u8.ToArray();
        PythonApp.Install(context.FileSystem, PythonApp.LinuxLegacyFolder, files);

        var act = () => context.Manager.InitializeDataDirectory();

        act.Should().Throw<ProfileCorruptedException>().WithMessage("Failed to parse user_profile.json: *");
        context.FileSystem.File.Exists(context.ProfilePath).Should().BeFalse("no empty profile hides the legacy one");
    }

    [Fact]
    public void InitializeDataDirectory_OurProfileDeletedAndLegacyProfileNowInvalid_RefusesRatherThanCreatingAnEmptyOne()
    {
        var context = new ManagerTestContext();
        PythonApp.Install(context.FileSystem, PythonApp.LinuxLegacyFolder);
        context.Manager.InitializeDataDirectory();
        context.FileSystem.File.Delete(context.ProfilePath);
        context.FileSystem.File.WriteAllBytes(
            context.FileSystem.Path.Combine(PythonApp.LinuxLegacyFolder, "user_profile.json"), PythonApp.ProfileWith("personal_info.email", "broken"));

        var act = () => context.NewManager().InitializeDataDirectory();

        act.Should().Throw<ProfileValidationException>().Which.Errors.Should().ContainSingle(e => e.Path == "personal_info.email");
        context.FileSystem.File.Exists(context.ProfilePath).Should().BeFalse();
    }

    /// <summary>
    /// The Python app's folder at its Linux default, and a manager on it whose legacy profile is removed (by the Python app,
    /// or the user) between initialization's look for it and the import itself.
    /// </summary>
    private static (UserDataManager Manager, HookedLogger Logger) ManagerWhosePythonProfileVanishes(ManagerTestContext context, UserDataManagerOptions options)
    {
        PythonApp.Install(context.FileSystem, PythonApp.LinuxLegacyFolder);
        var legacyProfile = context.FileSystem.Path.Combine(PythonApp.LinuxLegacyFolder, "user_profile.json");
        var logger = new HookedLogger(LegacyImportOnInitializeEvent, () => context.FileSystem.File.Delete(legacyProfile));
        return (new UserDataManager(options, context.FileSystem, logger, context.Time, context.Platform), logger);
    }

    /// <summary>Records event ids and runs a hook when one given event is logged (the moment a race would strike).</summary>
    private sealed class HookedLogger(int hookedEventId, Action hook) : ILogger
    {
        public List<int> EventIds { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            EventIds.Add(eventId.Id);
            if (eventId.Id == hookedEventId)
            {
                hook();
            }
        }
    }
}
