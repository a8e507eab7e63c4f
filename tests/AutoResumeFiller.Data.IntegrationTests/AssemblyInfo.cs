// The suites start child processes, mount file systems and time lock waits: running them one at a time keeps
// two cores from being oversubscribed and keeps each suite's counts meaningful.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
