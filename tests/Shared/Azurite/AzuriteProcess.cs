using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MediaEvents.Tests.Azurite;

/// <summary>The Azurite services a test needs.</summary>
[Flags]
public enum AzuriteServices
{
    /// <summary>The blob service.</summary>
    Blob = 1,

    /// <summary>The queue service.</summary>
    Queue = 2,

    /// <summary>The table service.</summary>
    Table = 4,
}

/// <summary>
/// Azurite (the Azure Storage emulator) for tests: each service asked for runs as a process of its own on a free
/// 127.0.0.1 port with a temporary location. Installs the npm package into <c>.tools/azurite</c> of the repository
/// when it is not there yet; <see cref="DisposeAsync"/> kills the process trees it started, by their ids, and deletes
/// the locations. Shared by the test projects that need Azurite (linked source, no test framework in here).
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>The Azurite version the tests run against.</summary>
    public const string AzuriteVersion = "3.37.0";

    /// <summary>Azurite's well-known development account (the same for every installation; not a secret).</summary>
    public const string Account = "devstoreaccount1";

    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan s_installTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(2);
    private static readonly SemaphoreSlim s_install = new(1, 1);

    private readonly List<Service> _services = [];

    private AzuriteProcess()
    {
    }

    /// <summary>
    /// The connection string of the running services (<c>BlobEndpoint</c>, <c>QueueEndpoint</c>, <c>TableEndpoint</c>
    /// for those started), for any Azure Storage client.
    /// </summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The ids of the processes started, one per service.</summary>
    public IReadOnlyList<int> ProcessIds => _services.Select(static service => service.Process.Id).ToArray();

    /// <summary>Installs Azurite if needed and starts <paramref name="services"/>; returns once each answers HTTP.</summary>
    /// <exception cref="InvalidOperationException">Node.js or npm is missing, the install failed, or a service did not start; the message says which.</exception>
    public static async Task<AzuriteProcess> StartAsync(AzuriteServices services)
    {
        string root = await EnsureInstalledAsync();
        var azurite = new AzuriteProcess();
        try
        {
            var connection = new StringBuilder($"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={AccountKey};");
            foreach ((AzuriteServices flag, string name) in new[] { (AzuriteServices.Blob, "blob"), (AzuriteServices.Queue, "queue"), (AzuriteServices.Table, "table") })
            {
                if (services.HasFlag(flag))
                {
                    Service service = await azurite.StartServiceAsync(root, name);
                    connection.Append(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(name[0])}{name[1..]}Endpoint={service.Endpoint};");
                }
            }

            azurite.ConnectionString = connection.ToString();
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        foreach (Service service in _services)
        {
            try
            {
                if (!service.Process.HasExited)
                {
                    service.Process.Kill(entireProcessTree: true);
                    service.Process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // It ended between the check and the kill.
            }

            service.Process.Dispose();
            try
            {
                Directory.Delete(service.Location, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by the exiting process: it is in the temp folder, which is cleared anyway.
            }
        }

        _services.Clear();
        return ValueTask.CompletedTask;
    }

    private async Task<Service> StartServiceAsync(string root, string name)
    {
        int port = FreePort();
        string location = Directory.CreateTempSubdirectory($"azurite-{name}-").FullName;
        // In memory (faster, and nothing left behind); the temporary folder is its working directory all the same.
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = location,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            Path.Combine(root, "dist", "src", name, "main.js"),
            $"--{name}Host", "127.0.0.1", $"--{name}Port", port.ToString(CultureInfo.InvariantCulture),
            "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--disableProductStyleUrl",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        Process process = StartOrExplain(start, "start Azurite");
        var service = new Service(process, location, $"http://127.0.0.1:{port}/{Account}");
        _services.Add(service);
        process.OutputDataReceived += (_, line) => Record(output, line.Data);
        process.ErrorDataReceived += (_, line) => Record(output, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilAnsweringAsync(service, name, output);
        return service;
    }

    private static void Record(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    // The azurite package under .tools/azurite, installed there with npm when missing (once per test process).
    private static async Task<string> EnsureInstalledAsync()
    {
        string prefix = Path.Combine(RepositoryRoot(), ".tools", "azurite");
        string root = Path.Combine(prefix, "node_modules", "azurite");
        string marker = Path.Combine(root, "dist", "src", "table", "main.js");
        await s_install.WaitAsync();
        try
        {
            if (File.Exists(marker))
            {
                return root;
            }

            var install = new ProcessStartInfo("npm")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in new[] { "install", "--prefix", prefix, $"azurite@{AzuriteVersion}", "--no-audit", "--no-fund" })
            {
                install.ArgumentList.Add(argument);
            }

            using Process npm = StartOrExplain(install, "install Azurite");
            Task<string> output = npm.StandardOutput.ReadToEndAsync();
            Task<string> error = npm.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(s_installTimeout);
            try
            {
                await npm.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                npm.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"'npm install azurite@{AzuriteVersion}' did not finish in {s_installTimeout.TotalMinutes} minutes.");
            }

            if (npm.ExitCode != 0 || !File.Exists(marker))
            {
                throw new InvalidOperationException(
                    $"'npm install --prefix {prefix} azurite@{AzuriteVersion}' failed (exit code {npm.ExitCode}):\n{await output}\n{await error}");
            }

            return root;
        }
        finally
        {
            s_install.Release();
        }
    }

    private static Process StartOrExplain(ProcessStartInfo start, string purpose)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"'{start.FileName}' did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"These tests run Azurite (the Azure Storage emulator, an npm package) and need Node.js 20 or later with npm on PATH " +
                $"to {purpose}; '{start.FileName}' could not be run: {exception.Message}",
                exception);
        }
    }

    private static async Task WaitUntilAnsweringAsync(Service service, string name, StringBuilder output)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        Stopwatch waited = Stopwatch.StartNew();
        while (waited.Elapsed < s_startTimeout)
        {
            if (service.Process.HasExited)
            {
                throw new InvalidOperationException($"Azurite's {name} service exited with code {service.Process.ExitCode} before answering:\n{Text(output)}");
            }

            try
            {
                // Any HTTP answer (an unauthenticated request gets 403) means the service listens.
                using HttpResponseMessage response = await http.GetAsync(service.Endpoint + "?comp=list");
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(250);
            }
        }

        throw new InvalidOperationException($"Azurite's {name} service did not answer on {service.Endpoint} within {s_startTimeout.TotalSeconds} seconds:\n{Text(output)}");
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MediaEvents.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No MediaEvents.Generators.sln above {AppContext.BaseDirectory}: the tests install Azurite into the repository's .tools folder.");
    }

    private sealed record Service(Process Process, string Location, string Endpoint);
}
