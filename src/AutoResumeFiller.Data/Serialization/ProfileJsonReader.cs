using System.Text;
using System.Text.Json;

namespace AutoResumeFiller.Data.Serialization;

/// <summary>
/// The fast path of <see cref="UserProfileSerializer.Deserialize"/>: one forward <see cref="Utf8JsonReader"/> pass
/// that builds the models directly, with the result System.Text.Json gives for the same bytes with
/// <see cref="ProfileJsonContext.Default"/>. It saves about a fifth of a realistic load (issue 16's measurements).
/// </summary>
/// <remarks>
/// It only accepts input it fully understands. On anything unusual (a token of an unexpected type, a duplicate
/// property, a bad timestamp, a reader error, trailing content) it returns <see langword="false"/> and the caller
/// runs System.Text.Json, which gives the authoritative result or error message. Thread-safe: stateless.
/// This file holds the entry point and the generic object loop; the value readers are in
/// ProfileJsonReader.Values.cs and each model's property table in ProfileJsonReader.Models.cs.
/// </remarks>
internal static partial class ProfileJsonReader
{
    // A known name escaped in full (\uXXXX for each byte) is at most 6 times its length (19 bytes): longer escaped names are unknown.
    private const int MaxEscapedKnownName = 128;

    /// <summary>Gets the reader options System.Text.Json reads with under <see cref="ProfileJsonContext.Default"/>.</summary>
    internal static JsonReaderOptions ReaderOptions { get; } = CreateReaderOptions(ProfileJsonContext.Default.Options);

    /// <summary>Reads one JSON value (the reader is on its first token) into <paramref name="value"/>; false when System.Text.Json must decide.</summary>
    private delegate bool ValueReader<TValue>(ref Utf8JsonReader reader, out TValue value);

    /// <summary>Reads <paramref name="utf8Json"/> as a profile if it is ordinary input.</summary>
    /// <returns><see langword="true"/> with the profile System.Text.Json would give; <see langword="false"/> when System.Text.Json must decide.</returns>
    public static bool TryRead(ReadOnlySpan<byte> utf8Json, out UserProfile? profile)
    {
        profile = null;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
            if (Next(ref reader) != JsonTokenType.StartObject || !ProfileModel.TryRead(ref reader, out var result) || reader.Read())
            {
                return false;
            }

            profile = result;
            return true;
        }
#pragma warning disable CA1031 // Any failure, whatever its type, hands the input to System.Text.Json, which reports it.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    /// <summary>The JSON names a model's table knows, in declaration order (a test pins them to the source-generated metadata).</summary>
    internal static IReadOnlyList<string> KnownNames(Type model) => model.Name switch
    {
        nameof(UserProfile) => ProfileModel.Names,
        nameof(PersonalInfo) => PersonalInfoModel.Names,
        nameof(Education) => EducationModel.Names,
        nameof(WorkExperience) => WorkExperienceModel.Names,
        nameof(Project) => ProjectModel.Names,
        nameof(Certification) => CertificationModel.Names,
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "Not a profile model."),
    };

    // JsonTokenType.None once the input is exhausted, so a loop waiting for an end token stops there and refuses.
    private static JsonTokenType Next(ref Utf8JsonReader reader) => reader.Read() ? reader.TokenType : JsonTokenType.None;

    private static JsonReaderOptions CreateReaderOptions(JsonSerializerOptions options) => new()
    {
        AllowTrailingCommas = options.AllowTrailingCommas,
        CommentHandling = options.ReadCommentHandling,
        MaxDepth = options.MaxDepth == 0 ? 64 : options.MaxDepth,
    };

    /// <summary>
    /// A model's table: its known properties in declaration order (the order files are written in, so the next one is
    /// tried first), each with how its value is read and stored, and where unknown properties go. Built once with the
    /// fluent methods in ProfileJsonReader.Models.cs.
    /// </summary>
    private sealed class ModelReader<T>(Action<T, Dictionary<string, JsonElement>?> setExtensionData)
        where T : class, new()
    {
        // Arrays, not lists: they are read for every property of every file and only grow while the table is built.
        private byte[][] _names = [];
        private PropertyReader[] _readers = [];

        private delegate bool PropertyReader(ref Utf8JsonReader reader, T target);

        public IReadOnlyList<string> Names => [.. _names.Select(Encoding.UTF8.GetString)];

        public ModelReader<T> Text(string name, Action<T, string?> set) => Add(name, TryReadString, set);

        public ModelReader<T> Texts(string name, Action<T, List<string>?> set) => Add(name, TryReadStrings, set);

        public ModelReader<T> Number(string name, Action<T, double?> set) => Add(name, TryReadDouble, set);

        public ModelReader<T> Timestamp(string name, Action<T, DateTime> set) => Add(name, TryReadTimestamp, set);

        public ModelReader<T> Object<TModel>(string name, ModelReader<TModel> model, Action<T, TModel?> set)
            where TModel : class, new() => Add(name, model.TryRead, set);

        public ModelReader<T> Objects<TModel>(string name, ModelReader<TModel> model, Action<T, List<TModel>?> set)
            where TModel : class, new() => Add(name, (ref Utf8JsonReader reader, out List<TModel>? list) => TryReadList<TModel, ModelItems<TModel>>(ref reader, new(model), out list), set);

        /// <summary>
        /// Reads the object (or <c>null</c>) the reader is on: each known property to its reader, unknown ones to the
        /// extension data. False on anything System.Text.Json must decide: a duplicate, a token of an unexpected type.
        /// </summary>
        public bool TryRead(ref Utf8JsonReader reader, out T? value)
        {
            value = null;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return reader.TokenType == JsonTokenType.Null;
            }

            var result = new T();
            Dictionary<string, JsonElement>? extra = null;
            var seen = 0UL;
            var expected = 0;
            JsonTokenType token;
            while ((token = Next(ref reader)) != JsonTokenType.EndObject)
            {
                if (token != JsonTokenType.PropertyName)
                {
                    return false;
                }

                var index = IndexOf(ref reader, expected);
                if (index < 0)
                {
                    if (!TryReadUnknown(ref reader, ref extra))
                    {
                        return false;
                    }

                    continue;
                }

                var bit = 1UL << index;
                if ((seen & bit) != 0)
                {
                    return false; // a duplicate: System.Text.Json refuses it with its own message
                }

                seen |= bit;
                expected = index + 1;
                reader.Read();
                if (!_readers[index](ref reader, result))
                {
                    return false;
                }
            }

            setExtensionData(result, extra);
            value = result;
            return true;
        }

        private ModelReader<T> Add<TValue>(string name, ValueReader<TValue> read, Action<T, TValue> set)
        {
            if (_names.Length == 64)
            {
                throw new InvalidOperationException("A model table holds at most 64 properties (one bit each for duplicates).");
            }

            _names = [.. _names, Encoding.UTF8.GetBytes(name)];
            _readers = [.. _readers, (ref Utf8JsonReader reader, T target) =>
            {
                if (!read(ref reader, out var value))
                {
                    return false;
                }

                set(target, value);
                return true;
            }];
            return this;
        }

        // The index of the current property name among the known names, after unescaping as System.Text.Json does; -1 if unknown.
        private int IndexOf(ref Utf8JsonReader reader, int expected)
        {
            if (!reader.ValueIsEscaped)
            {
                return IndexOf(reader.ValueSpan, expected);
            }

            if (reader.ValueSpan.Length > MaxEscapedKnownName)
            {
                return -1;
            }

            Span<byte> unescaped = stackalloc byte[MaxEscapedKnownName];
            var length = reader.CopyString(unescaped);
            return IndexOf(unescaped[..length], expected);
        }

        private int IndexOf(ReadOnlySpan<byte> name, int expected)
        {
            var names = _names;
            if ((uint)expected < (uint)names.Length && name.SequenceEqual(names[expected]))
            {
                return expected;
            }

            for (var i = 0; i < names.Length; i++)
            {
                if (name.SequenceEqual(names[i]))
                {
                    return i;
                }
            }

            return -1;
        }
    }

    private readonly struct ModelItems<TModel>(ModelReader<TModel> model) : IItemReader<TModel>
        where TModel : class, new()
    {
        public bool TryRead(ref Utf8JsonReader reader, out TModel? item) => model.TryRead(ref reader, out item);
    }
}
