namespace AutoResumeFiller.Data;

/// <summary>Settings of a <see cref="UserDataManager"/>.</summary>
/// <remarks>Read once by the manager's constructor; later changes have no effect on an existing manager.</remarks>
public sealed class UserDataManagerOptions
{
    /// <summary>Gets or sets the data directory; <c>~</c> expands to the home folder.</summary>
    /// <value>
    /// <see langword="null"/> (the default) uses the environment variable <c>AUTORESUMEFILLER_DATA_DIR</c>,
    /// else <see cref="UserDataManager.GetDefaultDataDirectory"/>.
    /// </value>
    public string? DataDirectory { get; set; }

    /// <summary>Gets or sets how long to wait for the data lock before giving up with <see cref="DataLockTimeoutException"/>.</summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how many automatic backups to keep; older ones are deleted after each new one.</summary>
    /// <value>Defaults to 10; at least 1.</value>
    public int MaxAutoBackups { get; set; } = 10;

    /// <summary>
    /// Gets or sets how many pre-restore backups (the full copy each restore takes of the data it replaces) to keep;
    /// older ones are deleted after each successful restore. Manual backups are never deleted.
    /// </summary>
    /// <value>Defaults to 5; at least 1.</value>
    public int MaxPreRestoreBackups { get; set; } = 5;

    /// <summary>Gets or sets the free space a save or backup requires beyond what it writes.</summary>
    /// <value>Defaults to 10 MB (10 × 1024 × 1024 bytes).</value>
    public long MinimumFreeDiskSpaceBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Gets or sets a value indicating whether each save first backs up the current profile.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool AutoBackupEnabled { get; set; } = true;

    /// <summary>
    /// Gets or sets where the encryption key ring is kept; when set, the profile and every backup are encrypted at rest
    /// (<c>data/user_profile.json.enc</c>, <c>backups/NAME_TS.zip.enc</c>). See <see cref="EncryptionKeyProviders"/>.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>: plaintext files.</value>
    public IEncryptionKeyProvider? Encryption { get; set; }

    /// <summary>
    /// Gets or sets how often <see cref="UserDataManager.WatchProfile"/> checks the profile where file-system events do
    /// not work (a network drive, a watcher error or overflow, a file system without events such as a mock).
    /// </summary>
    /// <value>Defaults to 1 second; must be greater than zero.</value>
    public TimeSpan WatchPollingInterval { get; set; } = TimeSpan.FromSeconds(1);
}
