namespace AutoResumeFiller.Data.Cli.Output;

/// <summary>The few text styles the tool uses; rendered as ANSI codes only on a colour terminal.</summary>
internal enum Style
{
    Bold,
    Dim,
    Red,
    Green,
    Yellow,
    Cyan,
}
