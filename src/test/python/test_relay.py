"""The relay's main loop: how long it may wait for input while events wait to go out."""

import json
import os
import tempfile
import unittest
from unittest import mock

from concurrencylab_harness import relay as relay_module
from concurrencylab_harness.relay import Relay

MS = 1_000_000


class RelayTest(unittest.TestCase):
    def setUp(self):
        handle, self.config = tempfile.mkstemp(suffix=".json")
        with os.fdopen(handle, "w") as f:
            json.dump({"model": "threads", "workload": "download"}, f)
        self.relay = Relay(self.config, "harness.py")

    def tearDown(self):
        os.unlink(self.config)

    def test_with_nothing_to_sample_or_send_it_waits_for_input(self):
        self.assertIsNone(self.relay.timeout())

    def test_with_nothing_to_sample_a_pending_event_is_sent_when_its_batch_is_due(self):
        # a download's I/O wait began: nothing is sampled, and the runner may write nothing more
        # until the page is in; the event must still go out within the batch's 10 ms
        with mock.patch.object(relay_module, "now", return_value=1_000 * MS):
            self.relay.flushed = 996 * MS
            self.relay.line(b'\x1e{"type":"began","lane":"thread:1","task":0,"state":"IO_WAIT",'
                            b'"label":"GET /a","time":1}')
            self.assertEqual(1, len(self.relay.out))
            self.assertAlmostEqual(0.006, self.relay.timeout())
            self.relay.flushed = 980 * MS
            self.assertEqual(0, self.relay.timeout())

    def test_a_began_after_a_done_in_the_same_read_keeps_the_batch_urgent(self):
        self.relay.line(b'\x1e{"type":"done","time":5,"wall":5,"counter":null}')
        self.relay.line(b'\x1e{"type":"began","lane":"main","task":1,"state":"WORK","label":"x","time":6}')
        self.assertTrue(self.relay.urgent)


if __name__ == "__main__":
    unittest.main()
