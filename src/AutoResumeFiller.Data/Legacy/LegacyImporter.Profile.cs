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

    /// <summary>
    /// What the profile step does. A missing profile of ours always gets the legacy one, whatever the ledger says: the
    /// ledger remembers an earlier import, but once that profile is gone (deleted, or never there on a data directory
    /// shared with the Python app), leaving it out would leave the user with no profile at all. An empty profile after a
    /// recorded import is the user's (they emptied it) and is kept; one with content is never replaced.
    /// </summary>
    private LegacyProfileOutcome PlanProfile(LegacyImportLedger ledger)
    {
        var own = InspectOwnProfile();
        return own == OwnProfile.Missing ? LegacyProfileOutcome.Imported
            : ledger.Profile == LegacyImportLedger.ProfileImported ? LegacyProfileOutcome.AlreadyImported
            : own == OwnProfile.Empty ? LegacyProfileOutcome.Imported
            : ledger.Profile == LegacyImportLedger.ProfilePending ? LegacyProfileOutcome.AlreadyImported
            : LegacyProfileOutcome.KeptExisting;
    }

    /// <summary>
    /// The profile step: recorded as pending, saved, recorded as imported. A run killed after the save finds the profile
    /// with content and the record pending, and only records it; a run killed before finds it still missing or empty.
    /// The pending record also marks the import unfinished, so that the next initialization completes a run killed
    /// there even when an earlier import had completed (a profile brought in again after ours went missing).
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
            ledger.Completed = false;
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
