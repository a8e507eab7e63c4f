namespace AutoResumeFiller.Data;

/// <summary>One rule a profile breaks.</summary>
/// <param name="Path">The JSON path of the offending value, such as <c>work_experience[0].responsibilities</c>.</param>
/// <param name="Message">What is wrong, in a sentence.</param>
public sealed record ValidationError(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
