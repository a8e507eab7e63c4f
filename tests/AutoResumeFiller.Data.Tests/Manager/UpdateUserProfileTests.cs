using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Manager;

public class UpdateUserProfileTests
{
    [Fact]
    public void UpdateUserProfile_AppliesTheFunctionAndSaves()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        context.Time.Advance(TimeSpan.FromMinutes(1));

        var saved = manager.UpdateUserProfile(p =>
        {
            p.Skills.Add("Rust");
            return p;
        });

        saved.Skills.Should().Equal("Mathematics", "C#", "Rust");
        saved.LastUpdated.Should().Be(ManagerTestContext.Start.UtcDateTime.AddMinutes(1));
        manager.LoadUserProfile().Skills.Should().Equal("Mathematics", "C#", "Rust");
        context.BackupFileNames().Should().Contain("auto_backup_20250304_050707.zip");
    }

    [Fact]
    public void UpdateUserProfile_ReturnsANewInstance_SavesThatInstance()
    {
        var context = new ManagerTestContext();
        context.Initialized();

        var saved = context.Manager.UpdateUserProfile(_ => ManagerTestContext.ValidProfile("Replacement"));

        saved.PersonalInfo!.FirstName.Should().Be("Replacement");
        context.Manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Replacement");
    }

    [Fact]
    public void UpdateUserProfile_HoldsTheExclusiveLockWhileTheFunctionRuns()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        Exception? readerError = null;

        context.Manager.UpdateUserProfile(p =>
        {
            try
            {
                using var reader = context.FileSystem.FileStream.New(context.Manager.LockFilePath, FileMode.OpenOrCreate, FileAccess.Read, FileShare.Read);
            }
            catch (IOException ex)
            {
                readerError = ex;
            }

            return p;
        });

        readerError.Should().NotBeNull("a reader must not get the lock while an update runs");
        using var afterwards = context.FileSystem.FileStream.New(context.Manager.LockFilePath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
    }

    [Fact]
    public void UpdateUserProfile_FunctionReturnsNull_ThrowsArgumentExceptionAndWritesNothing()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        var before = context.Snapshot();

        var act = () => context.Manager.UpdateUserProfile(_ => null!);

        act.Should().ThrowExactly<ArgumentException>()
            .WithMessage("The update function returned null; return the profile to save.*")
            .WithParameterName("update");
        context.Snapshot().Should().Equal(before);
    }

    [Fact]
    public void UpdateUserProfile_NullFunction_ThrowsArgumentNull()
    {
        var context = new ManagerTestContext();

        FluentActions.Invoking(() => context.Manager.UpdateUserProfile(null!)).Should().Throw<ArgumentNullException>().WithParameterName("update");
    }

    [Fact]
    public void UpdateUserProfile_FunctionThrows_PropagatesAndWritesNothing()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        var before = context.Snapshot();

        var act = () => context.Manager.UpdateUserProfile(_ => throw new InvalidOperationException("caller bug"));

        act.Should().ThrowExactly<InvalidOperationException>().WithMessage("caller bug");
        context.Snapshot().Should().Equal(before);
        using var free = context.FileSystem.FileStream.New(context.Manager.LockFilePath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
    }

    [Fact]
    public void UpdateUserProfile_ResultInvalid_ThrowsValidationAndWritesNothing()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        var before = context.Snapshot();

        var act = () => context.Manager.UpdateUserProfile(_ => ManagerTestContext.InvalidProfile());

        act.Should().ThrowExactly<ProfileValidationException>().Which.Errors.Should().HaveCount(3);
        context.Snapshot().Should().Equal(before);
    }

    [Fact]
    public void UpdateUserProfile_StoredProfileCorrupt_ThrowsWithoutCallingTheFunction()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        context.WriteFile("data/user_profile.json", "{");
        var called = false;

        var act = () => context.Manager.UpdateUserProfile(p =>
        {
            called = true;
            return p;
        });

        act.Should().ThrowExactly<ProfileCorruptedException>().WithMessage("Failed to parse user_profile.json: *");
        called.Should().BeFalse();
        context.FileSystem.File.ReadAllText(context.ProfilePath).Should().Be("{");
    }

    [Fact]
    public void UpdateUserProfile_NoProfile_ThrowsProfileNotFound()
    {
        var context = new ManagerTestContext();

        FluentActions.Invoking(() => context.Manager.UpdateUserProfile(p => p)).Should().ThrowExactly<ProfileNotFoundException>();
        context.Initialized();
        context.FileSystem.File.Delete(context.ProfilePath);
        FluentActions.Invoking(() => context.Manager.UpdateUserProfile(p => p)).Should().ThrowExactly<ProfileNotFoundException>();
    }
}
