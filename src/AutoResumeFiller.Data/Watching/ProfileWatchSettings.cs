using AutoResumeFiller.Data.Serialization;
using Microsoft.Extensions.Logging;

namespace AutoResumeFiller.Data.Watching;

/// <summary>What a <see cref="ProfileWatch"/> takes from its manager.</summary>
/// <param name="PollingInterval">How often to poll when polling.</param>
/// <param name="Time">The clock whose timers drive polling.</param>
/// <param name="Logger">Where to log.</param>
/// <param name="OnRealFileSystem">Whether the profile is on the real file system of this machine (native status calls are allowed).</param>
/// <param name="Encoding">How the profile's stored bytes become its JSON (decryption when the data is encrypted).</param>
/// <param name="PollingReason">Why events must not be tried (polling asked for, a network drive), or <see langword="null"/> to try them.</param>
internal sealed record ProfileWatchSettings(TimeSpan PollingInterval, TimeProvider Time, ILogger Logger, bool OnRealFileSystem, ProfileEncoding Encoding, string? PollingReason);
