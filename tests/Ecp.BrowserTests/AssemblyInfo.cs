// Each test class starts its own server and Chromium; on a two-core machine shared with other
// builds, running the classes one after the other is faster and steadier than all at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
