using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;

namespace MediaEvents.Tracking.AzureTables;

/// <summary>
/// Keeps snapshots in an Azure Storage (or Cosmos DB for Table) table, for many tracker instances in many processes:
/// one entity per resource, its version the entity's ETag. A write replaces the entity only if its ETag is the one
/// read (a new resource: only if there is no entity yet), so of two writers that read the same snapshot one wins and
/// the other reads again and re-applies; no update is lost.
/// </summary>
/// <remarks>
/// <para>
/// Keys: the partition key is the resource's subject and the row key its kind (<c>job</c> or <c>liveEvent</c>), so
/// each resource is a partition of its own and load spreads over the service's servers. Subjects are paths, and
/// <c>/</c>, <c>\</c>, <c>#</c>, <c>?</c>, control characters and <c>%</c> are written as <c>%XX</c>
/// (<c>transforms%2FT%2Fjobs%2FJ</c>). A subject names a resource within one Media Services account: give each
/// account a table of its own.
/// </para>
/// <para>
/// Properties: the snapshot as <see cref="MediaStateJson"/> writes it, in the string property <c>State</c>, and
/// <c>StateParts</c>, the number of parts. A string property holds 64 KiB, so longer JSON goes on in <c>State1</c>,
/// <c>State2</c>, … (30,000 characters each); an entity holds 1 MiB, so JSON longer than
/// <see cref="MaxStateLength"/> characters is refused with <see cref="MediaStateTooLargeException"/>.
/// </para>
/// <para>
/// Errors: losing to another writer (412 on an update, 409 on an insert, 404 on an update of an entity deleted
/// meanwhile) is the conflict result, <see langword="null"/>; the tracker retries. Any other refusal (no such table,
/// credentials, throttling past the client's retries) is a <see cref="MediaStateStoreException"/> that names the
/// resource and the table, with the service's <see cref="RequestFailedException"/> inside.
/// </para>
/// <para>The table must exist: create it once with <see cref="TableClient.CreateIfNotExistsAsync"/>.</para>
/// </remarks>
public sealed class TableMediaStateStore : IMediaStateStore
{
    /// <summary>The most characters of JSON one snapshot may have.</summary>
    public const int MaxStateLength = StateProperties.MaxLength;

    private readonly TableClient _table;

    /// <summary>Creates a store on <paramref name="table"/>, which must exist.</summary>
    public TableMediaStateStore(TableClient table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
    }

    /// <summary>The table that holds the snapshots.</summary>
    public TableClient Table => _table;

    /// <summary>
    /// Whether <paramref name="name"/> is a name Azure Table Storage accepts for a table: 3 to 63 ASCII letters and
    /// digits, starting with a letter, and not the reserved <c>tables</c>. For checking a configured name at start-up,
    /// before any request fails on it.
    /// </summary>
    public static bool IsValidTableName(string? name)
    {
        if (name is null || name.Length is < 3 or > 63 || !char.IsAsciiLetter(name[0]) || name.Equals("tables", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    /// <exception cref="MediaStateStoreException">The service refused the read, or the entity holds no snapshot.</exception>
    public async ValueTask<StoredSnapshot?> ReadAsync(MediaEntityKey key, CancellationToken cancellationToken = default)
    {
        NullableResponse<TableEntity> response;
        try
        {
            response = await _table.GetEntityIfExistsAsync<TableEntity>(
                TableKeys.PartitionKey(key), TableKeys.RowKey(key), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception)
        {
            throw Failed(key, "read", exception);
        }

        if (!response.HasValue)
        {
            return null;
        }

        return ToStored(key, response.Value!);
    }

    /// <inheritdoc />
    /// <exception cref="MediaStateTooLargeException">The snapshot's JSON is longer than <see cref="MaxStateLength"/>; nothing was written.</exception>
    /// <exception cref="MediaStateStoreException">The service refused the write for another reason than a concurrent writer.</exception>
    public async ValueTask<string?> TryWriteAsync(MediaEntityKey key, EntitySnapshot snapshot, string? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        string json = MediaStateJson.Serialize(snapshot);
        if (!StateProperties.TrySplit(json, out List<string> parts))
        {
            throw new MediaStateTooLargeException(key, json.Length);
        }

        var entity = new TableEntity(TableKeys.PartitionKey(key), TableKeys.RowKey(key));
        StateProperties.Write(entity, parts);
        Response response;
        try
        {
            // Replace, not merge: the parts of a longer earlier snapshot must not outlive it.
            response = expectedVersion is null
                ? await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false)
                : await _table.UpdateEntityAsync(entity, new ETag(expectedVersion), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (IsLostRace(exception, inserting: expectedVersion is null))
        {
            return null;
        }
        catch (RequestFailedException exception)
        {
            throw Failed(key, "write", exception);
        }

        return response.Headers.ETag?.ToString()
            ?? throw new MediaStateStoreException(
                key, $"The table service wrote {key} in table '{_table.Name}' but sent no ETag.", new InvalidOperationException("No ETag in the response."));
    }

    /// <inheritdoc />
    /// <remarks>
    /// One query over the table for the kind's row key (<c>job</c> or <c>liveEvent</c>), read page by page as the
    /// enumeration goes on; every resource is a partition of its own, so the query reads across all of them.
    /// </remarks>
    /// <exception cref="MediaStateStoreException">The service refused the query, or an entity holds no snapshot.</exception>
    public async IAsyncEnumerable<StoredSnapshot> ReadAllAsync(MediaEntityKind kind, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string rowKey = TableKeys.RowKey(kind);
        IAsyncEnumerator<TableEntity> entities = _table
            .QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {rowKey}"), cancellationToken: cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await entities.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (RequestFailedException exception)
                {
                    throw Failed(null, $"list the {rowKey} entities", exception);
                }

                TableEntity entity = entities.Current;
                if (!TableKeys.TryGetKey(kind, entity.PartitionKey, out MediaEntityKey key))
                {
                    throw new MediaStateStoreException(
                        null,
                        $"The entity '{entity.PartitionKey}' / '{entity.RowKey}' in table '{_table.Name}' is not one this store wrote: its partition key names no subject.",
                        new FormatException("The partition key is not an escaped subject."));
                }

                yield return ToStored(key, entity);
            }
        }
        finally
        {
            await entities.DisposeAsync().ConfigureAwait(false);
        }
    }

    // Another writer got there first: it inserted the entity, changed it, or deleted it since it was read.
    private static bool IsLostRace(RequestFailedException exception, bool inserting) => exception.Status switch
    {
        409 => inserting && exception.ErrorCode == TableErrorCode.EntityAlreadyExists.ToString(),
        412 => !inserting,
        404 => !inserting && exception.ErrorCode != TableErrorCode.TableNotFound.ToString(),
        _ => false,
    };

    // The snapshot the entity holds, with its ETag as the version.
    private StoredSnapshot ToStored(MediaEntityKey key, TableEntity entity)
    {
        EntitySnapshot snapshot;
        try
        {
            snapshot = MediaStateJson.Deserialize(StateProperties.Read(entity));
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            throw new MediaStateStoreException(
                key, $"The entity of {key} in table '{_table.Name}' does not hold a snapshot: {exception.Message}", exception);
        }

        if (snapshot.Kind != key.Kind)
        {
            throw new MediaStateStoreException(
                key, $"The entity of {key} in table '{_table.Name}' holds a {snapshot.Kind} snapshot.", new FormatException("The snapshot's kind is not the key's."));
        }

        return new StoredSnapshot(snapshot, entity.ETag.ToString());
    }

    private MediaStateStoreException Failed(MediaEntityKey? key, string operation, RequestFailedException exception)
    {
        string hint = exception.ErrorCode == TableErrorCode.TableNotFound.ToString()
            ? " Create the table first (TableClient.CreateIfNotExistsAsync)."
            : string.Empty;
        return new MediaStateStoreException(
            key,
            $"The table service refused to {operation}{(key is { } resource ? " " + resource : "")} in table '{_table.Name}': {exception.Status} {exception.ErrorCode}.{hint}",
            exception);
    }
}
