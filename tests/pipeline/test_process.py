"""The process id the memo and the journal keep is the process's own, in a
forked copy too (each writes files of its own)."""

import os

import pytest

from generator.pipeline.process import pid


def test_the_id_is_the_process_s():
    assert pid() == os.getpid()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_a_forked_copy_knows_its_own_id():
    read, write = os.pipe()
    child = os.fork()
    if child == 0:
        os.write(write, f"{pid()} {os.getpid()}".encode())
        os._exit(0)
    os.close(write)
    said = os.read(read, 100).decode().split()
    os.waitpid(child, 0)
    assert said[0] == said[1] == str(child)
    assert pid() == os.getpid() != child
