using Xunit;

// One test class at a time: the scale-out test loads both cores, and the timing-sensitive tests (visibility
// extended while a handler runs) must not share the machine with it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
