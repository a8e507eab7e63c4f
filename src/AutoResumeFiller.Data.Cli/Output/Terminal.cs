using System.Text;

namespace AutoResumeFiller.Data.Cli.Output;

/// <summary>
/// Where the tool writes: standard output for results, standard error for errors and progress. Colours
/// (plain ANSI) are used only when the stream is a terminal and <c>NO_COLOR</c> is unset or empty; the
/// progress bar only when both streams are terminals, so redirected output stays clean for scripts.
/// </summary>
internal sealed class Terminal(TextWriter output, TextWriter error, bool colorOutput, bool colorError, bool interactive)
{
    public TextWriter Out { get; } = output;

    public TextWriter Err { get; } = error;

    /// <summary>Gets a value indicating whether a live progress bar may be drawn (both streams are terminals).</summary>
    public bool Interactive { get; } = interactive;

    public static Terminal FromConsole()
    {
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var outIsTerminal = !Console.IsOutputRedirected;
        var errIsTerminal = !Console.IsErrorRedirected;
        return new Terminal(
            outIsTerminal ? Console.Out : Utf8Writer(Console.OpenStandardOutput()),
            errIsTerminal ? Console.Error : Utf8Writer(Console.OpenStandardError()),
            colorOutput: outIsTerminal && !noColor,
            colorError: errIsTerminal && outIsTerminal && !noColor,
            interactive: outIsTerminal && errIsTerminal);
    }

    /// <summary>Redirected output is UTF-8 on every OS, so <c>show --json</c> into a file gives the stored bytes back.</summary>
    private static TextWriter Utf8Writer(Stream stream) =>
        TextWriter.Synchronized(new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true });

    public string Paint(string text, Style style) => colorOutput ? Ansi(text, style) : text;

    public string PaintError(string text, Style style) => colorError ? Ansi(text, style) : text;

    public void Line(string text = "") => Out.WriteLine(text);

    public void Heading(string text) => Out.WriteLine(Paint(text, Style.Bold));

    public void Success(string text) => Out.WriteLine(Paint(text, Style.Green));

    public void Failure(string text) => Out.WriteLine(Paint(text, Style.Red));

    private static string Ansi(string text, Style style)
    {
        var code = style switch
        {
            Style.Bold => "1",
            Style.Dim => "2",
            Style.Red => "31",
            Style.Green => "32",
            Style.Yellow => "33",
            Style.Cyan => "36",
            _ => "0",
        };
        return $"\u001b[{code}m{text}\u001b[0m";
    }
}
