using System.Globalization;
using System.Text;

namespace AutoResumeFiller.Data.Benchmarks;

/// <summary>Reading the inputs of the report: BenchmarkDotNet's CSV files and the <c>key=value</c> files of the script.</summary>
internal static partial class Report
{
    private static Dictionary<string, string> ReadKeyValues(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return values;
        }

        foreach (var line in File.ReadLines(path))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values[line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }

        return values;
    }

    private static IEnumerable<Row> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length < 2)
        {
            yield break;
        }

        var header = SplitCsv(lines[0]);
        int Column(string name) => Array.IndexOf(header, name);
        var method = Column("Method");
        var categories = Column("Categories");
        var size = Column("Size") >= 0 ? Column("Size") : Column("SizeMB");
        var mean = Column("Mean");
        var stdDev = Column("StdDev");
        var ratio = Column("Ratio");
        var allocated = Column("Allocated");
        foreach (var line in lines.Skip(1))
        {
            var cells = SplitCsv(line);
            if (cells.Length != header.Length || !TryParseTime(cells[mean], out var meanNs))
            {
                continue;
            }

            _ = TryParseTime(cells[stdDev], out var stdDevNs);
            yield return new Row(
                cells[method].Trim('\''),
                categories >= 0 ? cells[categories] : "",
                size >= 0 ? cells[size] : "",
                meanNs,
                stdDevNs,
                allocated >= 0 ? ParseBytes(cells[allocated]) : 0,
                ratio >= 0 && cells[ratio] == "baseline");
        }
    }

    private static string[] SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }

    private static bool TryParseTime(string text, out double ns)
    {
        ns = 0;
        var parts = text.Replace(",", "", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, Inv, out var value))
        {
            return false;
        }

        var scale = parts[1] switch
        {
            "ns" => 1.0,
            "μs" or "us" or "µs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            _ => double.NaN,
        };
        ns = value * scale;
        return !double.IsNaN(ns);
    }

    private static long ParseBytes(string text)
    {
        var parts = text.Replace(",", "", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, Inv, out var value))
        {
            return 0;
        }

        var scale = parts[1] switch
        {
            "B" => 1L,
            "KB" => 1024L,
            "MB" => 1024L * 1024,
            "GB" => 1024L * 1024 * 1024,
            _ => 0L,
        };
        return (long)(value * scale);
    }

    /// <summary>The lowest and highest ratio of the five blocks of a paired run, e.g. <c> (blocks 2.31–2.80×)</c>; empty when absent.</summary>
    private static string BlockSpread(Dictionary<string, string> extras, string key)
    {
        if (!extras.TryGetValue($"paired_{key}_block_ratios", out var text))
        {
            return "";
        }

        var ratios = text.Split(',').Select(r => double.Parse(r, NumberStyles.Float, Inv)).ToList();
        return string.Create(Inv, $" (blocks {ratios.Min():F2}–{ratios.Max():F2}×)");
    }
}
