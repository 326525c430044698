"""tool_input: reading the inputs of pipeline_tool.py, which may be missing or malformed.

InputError is what every subcommand raises for such an input (pipeline_tool.py exits 2 with its
message); field() and number() read a value out of parsed JSON, naming the file and the field
when it is absent, null or not a number. Python 3 standard library only.
"""
import json


class InputError(Exception):
    """An input that cannot be read or is malformed; its message names the file and the problem."""


def field(path, data, *keys, where=""):
    """data[keys[0]][keys[1]]...; InputError naming `path` and the field (after `where`) when it is missing or null."""
    value = data
    for i, key in enumerate(keys):
        try:
            value = value[key]
        except (KeyError, IndexError, TypeError):
            value = None
        if value is None:
            raise InputError(f"{path}: no {where}{'.'.join(str(k) for k in keys[:i + 1])}")
    return value


def number(path, data, *keys, where=""):
    """field() that must be a number (int or float, not a bool); InputError naming it otherwise."""
    value = field(path, data, *keys, where=where)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputError(f"{path}: {where}{'.'.join(keys)} is {json.dumps(value)}, not a number")
    return value
