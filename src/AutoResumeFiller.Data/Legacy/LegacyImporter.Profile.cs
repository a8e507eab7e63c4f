namespace AutoResumeFiller.Data.Legacy;

/// <summary>The profile step of a legacy import: when the Python app's profile becomes ours, and how a crash mid-way is recovered.</summary>
internal sealed partial class LegacyImporter
{
    /// <summary>The data directory's own profile, as far as an import cares.</summary>
    private enum OwnProfile
    {
        Missing,
        Empty,
        HasContent,
    }

    private LegacyProfileOutcome PlanProfile(LegacyImportLedger ledger) =>
        ledger.Profile == LegacyImportLedger.ProfileImported ? LegacyProfileOutcome.AlreadyImported
        : InspectOwnProfile() != OwnProfile.HasContent ? LegacyProfileOutcome.Imported
        : ledger.Profile == LegacyImportLedger.ProfilePending ? LegacyProfileOutcome.AlreadyImported
        : LegacyProfileOutcome.KeptExisting;

    /// <summary>
    /// The profile step: recorded as pending, saved, recorded as imported. A run killed after the save finds the profile
    /// with content and the record pending, and only records it; a run killed before finds it still missing or empty.
    /// </summary>
    private LegacyProfileOutcome ImportProfile(string legacy, UserProfile profile)
    {
        using (fileLock.Acquire(exclusive: true))
        {
            var ledger = ReadLedger();
            var outcome = PlanProfile(ledger);
            if (outcome != LegacyProfileOutcome.Imported)
            {
                if (ledger.Profile == LegacyImportLedger.ProfilePending)
                {
                    ledger.Profile = LegacyImportLedger.ProfileImported;
                    WriteLedger(ledger);
                }

                return outcome;
            }

            ledger.LegacyDirectory = legacy;
            ledger.Profile = LegacyImportLedger.ProfilePending;
            WriteLedger(ledger);
        }

        saveProfile(profile); // the manager's normal save, which takes the exclusive lock itself
        using (fileLock.Acquire(exclusive: true))
        {
            var ledger = ReadLedger();
            ledger.Profile = LegacyImportLedger.ProfileImported;
            WriteLedger(ledger);
            return LegacyProfileOutcome.Imported;
        }
    }

    /// <summary>
    /// Reads the data directory's profile directly (the caller holds the lock): missing, empty (what initialization creates),
    /// or with content. One that cannot be parsed counts as content: it is the user's to repair, never to overwrite.
    /// </summary>
    private OwnProfile InspectOwnProfile()
    {
        if (fileSystem.File.Exists(layout.PlaintextProfilePath + Encryption.DataEncryption.Suffix))
        {
            return OwnProfile.HasContent; // an encrypted profile is never judged (nor replaced) here
        }

        if (!fileSystem.File.Exists(layout.PlaintextProfilePath))
        {
            return OwnProfile.Missing;
        }

        try
        {
            var own = UserProfileSerializer.Deserialize(ReadBounded(layout.PlaintextProfilePath));
            var empty = own.PersonalInfo is null && own.Education.Count == 0 && own.WorkExperience.Count == 0 && own.Skills.Count == 0
                && own.Projects.Count == 0 && own.Certifications.Count == 0 && string.IsNullOrEmpty(own.Summary);
            return empty ? OwnProfile.Empty : OwnProfile.HasContent;
        }
        catch (UserDataException)
        {
            return OwnProfile.HasContent;
        }
    }

    private UserProfile ReadValidProfile(string path)
    {
        var profile = UserProfileSerializer.Deserialize(ReadBounded(path));
        var errors = UserProfileValidator.Validate(profile);
        return errors.Count == 0 ? profile : throw new ProfileValidationException(errors);
    }
}
