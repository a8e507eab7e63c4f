namespace AutoResumeFiller.Data;

/// <summary>
/// Base type of every failure the library raises on purpose. <see cref="Exception.Message"/> says what
/// went wrong; <see cref="Suggestion"/> says what the user can do next; the operating system's error,
/// when there is one, is kept as <see cref="Exception.InnerException"/>.
/// </summary>
public class UserDataException : Exception
{
    /// <summary>Initializes a new instance with a message, a suggestion and an optional cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="suggestion">What the user can do next.</param>
    /// <param name="innerException">The original exception, if any.</param>
    public UserDataException(string message, string suggestion, Exception? innerException = null)
        : base(message, innerException)
    {
        Suggestion = suggestion;
    }

    /// <summary>Initializes a new instance with a generic suggestion.</summary>
    public UserDataException()
        : this("A user data operation failed.", "Check the data directory and try again.")
    {
    }

    /// <summary>Initializes a new instance with a message and a generic suggestion.</summary>
    /// <param name="message">What went wrong.</param>
    public UserDataException(string message)
        : this(message, "Check the data directory and try again.")
    {
    }

    /// <summary>Initializes a new instance with a message, a cause and a generic suggestion.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The original exception.</param>
    public UserDataException(string message, Exception? innerException)
        : this(message, "Check the data directory and try again.", innerException)
    {
    }

    /// <summary>Gets what the user can do next, in one or two sentences.</summary>
    public string Suggestion { get; }
}
