namespace AutoResumeFiller.Data.Tests.Manager;

public class UserDataExceptionTests
{
    [Fact]
    public void Constructors_AlwaysCarryASuggestion()
    {
        var cause = new IOException("os");

        new UserDataException().Should().BeEquivalentTo(new { Message = "A user data operation failed.", Suggestion = "Check the data directory and try again." });
        new UserDataException("what").Should().BeEquivalentTo(new { Message = "what", Suggestion = "Check the data directory and try again." });
        new UserDataException("what", cause).InnerException.Should().BeSameAs(cause);
        new UserDataException("what", "do this", cause).Should().BeEquivalentTo(new { Message = "what", Suggestion = "do this", InnerException = cause });
    }

    [Fact]
    public void TypedErrors_AllDeriveFromUserDataException()
    {
        Exception[] errors =
        [
            new ProfileNotFoundException("/p"),
            new ProfileCorruptedException("Failed to parse user_profile.json: x", []),
            new ProfileValidationException([new ValidationError("version", "is required.")]),
            new InsufficientDiskSpaceException("full", 1, 0),
            new DataLockTimeoutException("/l", TimeSpan.FromSeconds(1.5), exclusive: true),
            new DataAccessDeniedException("/p"),
            new InvalidBackupException("/b", ["bad"]),
        ];

        errors.Should().AllBeAssignableTo<UserDataException>();
        errors.Cast<UserDataException>().Should().OnlyContain(e => e.Suggestion.Length > 0);
        errors[4].Message.Should().Be("Timed out after 1.5 s waiting for the exclusive lock on '/l'.");
        errors[2].Message.Should().Be("The profile is invalid (1 error): version: is required.");
    }
}
