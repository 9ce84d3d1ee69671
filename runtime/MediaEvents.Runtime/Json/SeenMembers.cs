using System.Runtime.CompilerServices;

namespace MediaEvents.Json;

/// <summary>
/// Which of an object's defined members have been read so far, by member index: one bit each for the first 64
/// (every type of a real spec), an array made on first need for a type with more. Nothing is allocated for the first 64.
/// </summary>
internal struct SeenMembers
{
    private ulong _first64;
    private ulong[]? _beyond;

    /// <summary>Records <paramref name="member"/> as read; <see langword="false"/> when it was already.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Add(int member)
    {
        if ((uint)member < 64)
        {
            ulong bit = 1UL << member;
            bool added = (_first64 & bit) == 0;
            _first64 |= bit;
            return added;
        }

        return AddBeyond64(member);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool AddBeyond64(int member)
    {
        int index = member - 64;
        ulong[] beyond = _beyond ??= new ulong[(index / 64) + 1];
        if (index / 64 >= beyond.Length)
        {
            System.Array.Resize(ref _beyond, (index / 64) + 1);
            beyond = _beyond;
        }

        ulong bit = 1UL << (index % 64);
        bool added = (beyond[index / 64] & bit) == 0;
        beyond[index / 64] |= bit;
        return added;
    }
}
