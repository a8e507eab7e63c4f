namespace AutoResumeFiller.Data;

/// <summary>The profile breaks one or more validation rules; <see cref="Errors"/> lists all of them.</summary>
public sealed class ProfileValidationException : UserDataException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="errors">Every rule broken; at least one.</param>
    public ProfileValidationException(IReadOnlyList<ValidationError> errors)
        : base(BuildMessage(errors), "Correct the listed fields and try again; nothing was written.")
    {
        Errors = errors;
    }

    /// <summary>Gets every rule the profile breaks, each with its JSON path.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string BuildMessage(IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var noun = errors.Count == 1 ? "error" : "errors";
        return $"The profile is invalid ({errors.Count} {noun}): " + string.Join("; ", errors);
    }
}
