namespace AutoResumeFiller.Data.Tests.Support;

/// <summary>Month values shared by the date rules of every profile section.</summary>
internal static class ProfilesDates
{
    /// <summary>Values every <c>YYYY-MM</c> field accepts.</summary>
    public static TheoryData<string> ValidMonths => ["2020-01", "2020-12", "1999-09", "0001-01", "9999-12"];

    /// <summary>Values no <c>YYYY-MM</c> field accepts (only <c>end_date</c> also accepts <c>Present</c>).</summary>
    public static TheoryData<string> InvalidMonths =>
    [
        "2020-13",
        "2020-00",
        "2020-1",
        "2020-001",
        "20-01",
        "2020/01",
        "2020-01-15",
        "01-2020",
        "202a-01",
        " 2020-01",
        "2020-01 ",
        "2020-01\n",
        "２０２０-01",
        "2020-０１",
        "present",
        "PRESENT",
        "Current",
        "",
    ];
}
