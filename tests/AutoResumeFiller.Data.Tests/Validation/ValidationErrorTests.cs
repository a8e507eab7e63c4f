namespace AutoResumeFiller.Data.Tests.Validation;

public class ValidationErrorTests
{
    [Fact]
    public void ToString_JoinsPathAndMessage()
    {
        var error = new ValidationError("work_experience[1].responsibilities", "must have at least 1 item.");

        error.ToString().Should().Be("work_experience[1].responsibilities: must have at least 1 item.");
    }

    [Fact]
    public void Equals_SamePathAndMessage_AreEqual()
    {
        new ValidationError("a", "b").Should().Be(new ValidationError("a", "b"));
        new ValidationError("a", "b").Should().NotBe(new ValidationError("a", "c"));
    }

    [Fact]
    public void ProfileValidationException_OneError_MessageUsesSingular()
    {
        var ex = new ProfileValidationException([new ValidationError("personal_info.email", "is required.")]);

        ex.Message.Should().Be("The profile is invalid (1 error): personal_info.email: is required.");
        ex.Errors.Should().Equal(new ValidationError("personal_info.email", "is required."));
        ex.Suggestion.Should().Be("Correct the listed fields and try again; nothing was written.");
        ex.InnerException.Should().BeNull();
        ex.Should().BeAssignableTo<UserDataException>();
    }

    [Fact]
    public void ProfileValidationException_SeveralErrors_ListsAllInOrder()
    {
        ValidationError[] errors =
        [
            new("personal_info.email", "is required."),
            new("education[0].gpa", "must be between 0.0 and 4.0 (is 4.01)."),
            new("work_experience[1].responsibilities", "must have at least 1 item."),
        ];

        var ex = new ProfileValidationException(errors);

        ex.Message.Should().Be(
            "The profile is invalid (3 errors): personal_info.email: is required.; "
            + "education[0].gpa: must be between 0.0 and 4.0 (is 4.01).; "
            + "work_experience[1].responsibilities: must have at least 1 item.");
        ex.Errors.Should().Equal(errors);
    }

    [Fact]
    public void ProfileValidationException_NullErrors_ThrowsArgumentNull()
    {
        var act = () => new ProfileValidationException(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void ProfileValidationException_FromValidator_CarriesEveryError()
    {
        var profile = new UserProfile { PersonalInfo = new PersonalInfo { FirstName = "A", LastName = "B", Email = "x" }, Skills = [null!] };
        var errors = UserProfileValidator.Validate(profile);

        var ex = new ProfileValidationException(errors);

        ex.Errors.Select(e => e.Path).Should().Equal("personal_info.email", "skills[0]");
        ex.Message.Should().StartWith("The profile is invalid (2 errors): personal_info.email: 'x' is not a valid e-mail address.; skills[0]:");
    }
}
