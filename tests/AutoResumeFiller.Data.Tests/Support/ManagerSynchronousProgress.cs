namespace AutoResumeFiller.Data.Tests.Support;

/// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread (unlike <see cref="Progress{T}"/>), so tests see every report in order.</summary>
internal sealed class ManagerSynchronousProgress<T>(Action<T> onReport) : IProgress<T>
{
    public void Report(T value) => onReport(value);
}
