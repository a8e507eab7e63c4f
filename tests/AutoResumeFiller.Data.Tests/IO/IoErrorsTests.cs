using System.Security;
using AutoResumeFiller.Data.IO;

namespace AutoResumeFiller.Data.Tests.IO;

public class IoErrorsTests
{
    [Theory]
    [InlineData(28)]
    [InlineData(122)]
    [InlineData(69)]
    [InlineData(unchecked((int)0x80070070))]
    [InlineData(unchecked((int)0x80070027))]
    public void Map_DiskFullHResult_GivesInsufficientDiskSpace(int hresult)
    {
        var cause = new IOException("full", hresult);

        var mapped = IoErrors.Map(cause, "/d/f", "writing");

        mapped.Should().BeOfType<InsufficientDiskSpaceException>()
            .Which.Message.Should().Be("Insufficient disk space: the disk filled up while writing '/d/f'.");
        mapped.InnerException.Should().BeSameAs(cause);
        IoErrors.IsDiskFull(cause).Should().BeTrue();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(27)]
    [InlineData(unchecked((int)0x80070020))]
    [InlineData(unchecked((int)0x80070071))]
    public void Map_OtherIOException_GivesUserDataExceptionWithTheOsMessage(int hresult)
    {
        var cause = new IOException("Input/output error", hresult);

        var mapped = IoErrors.Map(cause, "/d/f", "reading");

        mapped.Should().BeOfType<UserDataException>().Which.Message.Should().Be("I/O error while reading '/d/f': Input/output error");
        mapped.Suggestion.Should().Contain("writable disk");
        mapped.InnerException.Should().BeSameAs(cause);
        IoErrors.IsDiskFull(cause).Should().BeFalse();
    }

    [Fact]
    public void Map_UnauthorizedAccess_GivesDataAccessDenied()
    {
        var cause = new UnauthorizedAccessException("denied");

        var mapped = IoErrors.Map(cause, "/d/f", "reading");

        mapped.Should().BeOfType<DataAccessDeniedException>().Which.Path.Should().Be("/d/f");
        mapped.InnerException.Should().BeSameAs(cause);
        mapped.Suggestion.Should().Contain("0700").And.Contain("0600");
    }

    [Fact]
    public void Map_AlreadyTyped_IsReturnedAsIs()
    {
        var typed = new ProfileNotFoundException("/p");

        IoErrors.Map(typed, "/other", "x").Should().BeSameAs(typed);
    }

    [Fact]
    public void IsIoFailure_RecognisesOnlyOperatingSystemFailures()
    {
        IoErrors.IsIoFailure(new IOException()).Should().BeTrue();
        IoErrors.IsIoFailure(new FileNotFoundException()).Should().BeTrue();
        IoErrors.IsIoFailure(new UnauthorizedAccessException()).Should().BeTrue();
        IoErrors.IsIoFailure(new SecurityException()).Should().BeTrue();
        IoErrors.IsIoFailure(new InvalidOperationException()).Should().BeFalse();
        IoErrors.IsIoFailure(new ArgumentException()).Should().BeFalse();
    }
}
