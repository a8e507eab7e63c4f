using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Perfolizer.Metrology;

namespace AutoResumeFiller.Data.Benchmarks;

/// <summary>What every benchmark class shares: allocations measured, one baseline per category, results exported as CSV (parsed by <see cref="Report"/>) and GitHub markdown.</summary>
public abstract class BenchmarkConfigBase : ManualConfig
{
    protected BenchmarkConfigBase(Job job)
    {
        // In process: no generated project to build (so no build into the source tree's bin/obj), and the
        // benchmarks run under the same runtime settings as an application using the library.
        AddJob(job.WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(CategoriesColumn.Default);
        AddExporter(MarkdownExporter.GitHub);
        AddExporter(new CsvExporter(
            CsvSeparator.Comma,
            SummaryStyle.Default
                .WithTimeUnit(TimeUnit.Microsecond)
                .WithSizeUnit(SizeUnit.B)
                .WithCultureInfo(System.Globalization.CultureInfo.InvariantCulture)));
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
        WithOptions(ConfigOptions.DisableLogFile);
        WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));
    }
}

/// <summary>Operations of about a millisecond: a short job (3 warm-up, 7 measured iterations of ~250 ms each).</summary>
public sealed class FastOperationsConfig : BenchmarkConfigBase
{
    public FastOperationsConfig()
        : base(Job.Default
            .WithId("Short")
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(7)
            .WithIterationTime(TimeInterval.FromMilliseconds(250)))
    {
    }
}

/// <summary>Operations of a second or more on 25–100 MB: one invocation per iteration, 1 warm-up, 5 measured.</summary>
public sealed class HeavyOperationsConfig : BenchmarkConfigBase
{
    public HeavyOperationsConfig()
        : base(Job.Default
            .WithId("Heavy")
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5)
            .WithInvocationCount(1)
            .WithUnrollFactor(1))
    {
    }
}
