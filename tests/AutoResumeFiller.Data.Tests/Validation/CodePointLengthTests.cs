using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Validation;

/// <summary>Length rules count Unicode code points, as the Python app's <c>len</c> does (DESIGN §4): an emoji is one character.</summary>
public class CodePointLengthTests
{
    private const string Emoji = "😀"; // U+1F600: one code point, two UTF-16 units

    [Fact]
    public void Validate_SixtyEmojiFirstName_HasNoErrors()
    {
        var info = Profiles.ValidPersonalInfo();
        info.FirstName = Repeat(Emoji, 60);

        Profiles.ErrorPaths(Profiles.With(info)).Should().BeEmpty();
    }

    [Fact]
    public void Validate_HundredEmojiLastName_HasNoErrors()
    {
        var info = Profiles.ValidPersonalInfo();
        info.LastName = Repeat(Emoji, 100);

        Profiles.ErrorPaths(Profiles.With(info)).Should().BeEmpty();
    }

    [Fact]
    public void Validate_HundredAndOneCodePoints_ReportsCodePointCount()
    {
        var info = Profiles.ValidPersonalInfo();
        info.FirstName = Repeat(Emoji, 100) + "a";

        UserProfileValidator.Validate(Profiles.With(info)).Should().Equal(
            new ValidationError("personal_info.first_name", "must be 1–100 characters long (is 101)."));
    }

    [Fact]
    public void Validate_OptionalTextOfEmoji_CountsCodePoints()
    {
        var info = Profiles.ValidPersonalInfo();
        info.State = Repeat(Emoji, 50);
        info.ZipCode = Repeat(Emoji, 21);

        UserProfileValidator.Validate(Profiles.With(info)).Should().Equal(
            new ValidationError("personal_info.zip_code", "must be at most 20 characters long (is 21)."));
    }

    [Fact]
    public void Validate_SummaryOf2000Emoji_HasNoErrors()
    {
        var profile = Profiles.Valid();
        profile.Summary = Repeat(Emoji, 2000);

        Profiles.ErrorPaths(profile).Should().BeEmpty();
    }

    [Theory]
    [InlineData("company", 200)]
    [InlineData("position", 150)]
    [InlineData("location", 150)]
    public void Validate_WorkTextsAtTheirLimitInEmoji_HaveNoErrors(string field, int limit)
    {
        var work = Profiles.ValidWork();
        var text = Repeat(Emoji, limit);
        _ = field switch
        {
            "company" => work.Company = text,
            "position" => work.Position = text,
            _ => work.Location = text,
        };

        Profiles.ErrorPaths(Profiles.With(work)).Should().BeEmpty();
    }

    [Fact]
    public void Validate_CombiningMarks_CountEachCodePoint()
    {
        // "é" as e + U+0301 is two code points for Python's len, so 51 of them make 102: too long.
        var info = Profiles.ValidPersonalInfo();
        info.FirstName = Repeat("e\u0301", 51);

        UserProfileValidator.Validate(Profiles.With(info)).Should().Equal(
            new ValidationError("personal_info.first_name", "must be 1–100 characters long (is 102)."));
    }

    [Fact]
    public void Validate_LoneSurrogate_CountsAsOneCodePoint()
    {
        // Python's len counts a lone surrogate as one code point; 100 of them fit a 100-character rule.
        var info = Profiles.ValidPersonalInfo();
        info.FirstName = new string('\uD800', 100);

        Profiles.ErrorPaths(Profiles.With(info)).Should().NotContain("personal_info.first_name");
    }

    [Fact]
    public void Validate_LongValueQuotedInMessage_NeverCutsAnEmojiInHalf()
    {
        var info = Profiles.ValidPersonalInfo();
        info.Phone = new string('1', 59) + Emoji + "x";

        var message = UserProfileValidator.Validate(Profiles.With(info)).Should().ContainSingle().Subject.Message;

        message.Should().StartWith("'" + new string('1', 59) + "…'");
    }

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));
}
