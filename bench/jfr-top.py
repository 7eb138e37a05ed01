"""Top frames of a JFR recording's execution samples: where the CPU was (self) and which of our or a library's
methods the samples were in (first frame outside java.*, jdk.*, sun.*). Usage: jfr-top.py RECORDING.jfr"""
import collections
import subprocess
import sys

text = subprocess.run(["jfr", "print", "--stack-depth", "64", "--events", "jdk.ExecutionSample", sys.argv[1]],
                      capture_output=True, text=True, check=True).stdout
self_frames, first_ours, by_library, samples = collections.Counter(), collections.Counter(), collections.Counter(), 0
for block in text.split("jdk.ExecutionSample")[1:]:
    frames = [line.strip().split(" line:")[0] for line in block.split("stackTrace = [", 1)[-1].splitlines()[1:]
              if line.strip() and not line.strip().startswith(("]", "...", "}"))]
    if not frames:
        continue
    samples += 1
    self_frames[frames[0]] += 1
    ours = next((f for f in frames if not f.startswith(("java.", "jdk.", "sun.", "javax."))), None)
    if ours:
        first_ours[ours] += 1
    by_library[".".join((ours or frames[0]).split("(")[0].split(".")[:2])] += 1
print(f"{samples} samples")
print("self (top of stack):")
for frame, count in self_frames.most_common(15):
    print(f"  {100 * count / samples:5.1f}%  {frame}")
print("first frame outside the JDK, by library:")
for library, count in by_library.most_common(12):
    print(f"  {100 * count / samples:5.1f}%  {library}")
print("first frame outside the JDK:")
for frame, count in first_ours.most_common(15):
    print(f"  {100 * count / samples:5.1f}%  {frame}")
