using Conformance.Targets.Emulator;

namespace Conformance.Targets.Tests.Emulator;

/// <summary>The shared install's own files are refreshed without ever being seen half-written by a process starting from them.</summary>
public sealed class EmulatorInstallationTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("stack-files");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task A_file_being_refreshed_is_read_whole_by_others_every_time()
    {
        const int length = 256 * 1024;
        var first = Write("first.cjs", new string('a', length));
        var second = Write("second.cjs", new string('b', length));
        var destination = Path.Combine(folder.FullName, "guard.cjs");
        EmulatorInstallation.CopyWhole(first, destination);

        var refreshing = Task.Run(() =>
        {
            for (var round = 0; round < 400; round++) EmulatorInstallation.CopyWhole(round % 2 == 0 ? second : first, destination);
        }, TestContext.Current.CancellationToken);
        var reads = 0;
        do
        {
            var text = File.ReadAllText(destination);
            text.Length.ShouldBe(length, $"read {reads} saw a file being written");
            text.Distinct().Count().ShouldBe(1);
            reads++;
        }
        while (!refreshing.IsCompleted);
        await refreshing;

        folder.GetFiles().Select(f => f.Name).Order().ShouldBe(["first.cjs", "guard.cjs", "second.cjs"]); // no temporary file left
    }

    [Fact]
    public void An_unchanged_file_is_left_as_it_is()
    {
        var source = Write("guard.cjs", "'use strict';");
        var destination = Path.Combine(Directory.CreateDirectory(Path.Combine(folder.FullName, "install")).FullName, "guard.cjs");
        EmulatorInstallation.CopyWhole(source, destination);
        var past = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(destination, past);

        EmulatorInstallation.CopyWhole(source, destination);
        File.GetLastWriteTimeUtc(destination).ShouldBe(past);

        File.WriteAllText(source, "'use strict'; // changed");
        EmulatorInstallation.CopyWhole(source, destination);
        File.ReadAllText(destination).ShouldBe("'use strict'; // changed");
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }
}
