using System.Globalization;
using System.Text.Json;

namespace AutoResumeFiller.Data.Cli.Output;

/// <summary>Renders a list of backups as an aligned table for people or a JSON array for scripts.</summary>
internal static class BackupTable
{
    public static void Write(Terminal terminal, IReadOnlyList<BackupInfo> backups, string backupsDirectory)
    {
        if (backups.Count == 0)
        {
            terminal.Line($"No backups yet in {backupsDirectory}. Make one with 'arf-data backup'.");
            return;
        }

        var rows = backups.Select(b => (b.FileName, Kind: KindName(b.Kind), Created: Created(b.CreatedAt), Size: Sizes.Format(b.SizeBytes))).ToList();
        var nameWidth = Math.Max("NAME".Length, rows.Max(r => r.FileName.Length));
        var kindWidth = Math.Max("KIND".Length, rows.Max(r => r.Kind.Length));
        var createdWidth = Math.Max("CREATED (UTC)".Length, rows.Max(r => r.Created.Length));
        terminal.Heading($"{"NAME".PadRight(nameWidth)}  {"KIND".PadRight(kindWidth)}  {"CREATED (UTC)".PadRight(createdWidth)}  {"SIZE",9}");
        foreach (var row in rows)
        {
            terminal.Line($"{row.FileName.PadRight(nameWidth)}  {row.Kind.PadRight(kindWidth)}  {row.Created.PadRight(createdWidth)}  {row.Size,9}");
        }

        var noun = backups.Count == 1 ? "backup" : "backups";
        terminal.Line(terminal.Paint(string.Create(CultureInfo.InvariantCulture, $"{backups.Count} {noun} in {backupsDirectory}"), Style.Dim));
    }

    public static void WriteJson(TextWriter output, IReadOnlyList<BackupInfo> backups)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var backup in backups)
            {
                json.WriteStartObject();
                json.WriteString("file_name", backup.FileName);
                json.WriteString("name", backup.Name);
                json.WriteString("kind", KindName(backup.Kind));
                json.WriteString("created_at", backup.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                json.WriteNumber("size_bytes", backup.SizeBytes);
                json.WriteString("path", backup.Path);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    public static string KindName(BackupKind kind) => kind switch
    {
        BackupKind.Auto => "auto",
        BackupKind.PreRestore => "pre_restore",
        BackupKind.Export => "export",
        _ => "manual",
    };

    private static string Created(DateTime createdAt) => createdAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
