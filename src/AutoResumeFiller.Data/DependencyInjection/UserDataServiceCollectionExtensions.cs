using System.IO.Abstractions;
using AutoResumeFiller.Data;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="UserDataManager"/> with Microsoft.Extensions.DependencyInjection.</summary>
public static class UserDataServiceCollectionExtensions
{
    /// <summary>
    /// Adds a singleton <see cref="UserDataManager"/>. It uses the container's <see cref="IFileSystem"/>,
    /// <see cref="ILogger{TCategoryName}"/> and <see cref="TimeProvider"/> when they are registered, and the
    /// real file system, no logging and the system clock otherwise.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (data directory, lock timeout…); optional.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddUserDataManager(this IServiceCollection services, Action<UserDataManagerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(provider =>
        {
            var options = new UserDataManagerOptions();
            configure?.Invoke(options);
            return new UserDataManager(
                options,
                provider.GetService<IFileSystem>(),
                provider.GetService<ILogger<UserDataManager>>(),
                provider.GetService<TimeProvider>());
        });
        return services;
    }
}
